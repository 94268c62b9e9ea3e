-- Read model of the register's institutions, fed by registry-events; never written by this service's API.
create table institution_view (
    institution_id uuid primary key,
    uscc           char(18)     not null unique,
    name           varchar(200) not null,
    sector         varchar(16)  not null,
    kind           varchar(40)  not null,
    ownership      varchar(40)  not null,
    city_code      char(6)      not null,
    division_code  char(6)      not null,
    filing_status  varchar(16)  not null,
    filing_number  varchar(40),
    filed_on       date,
    updated_at     timestamptz  not null
);
create index institution_view_area on institution_view (city_code, division_code);
