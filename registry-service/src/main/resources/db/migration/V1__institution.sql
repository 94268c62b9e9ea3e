create table institution (
    id                   uuid primary key,
    uscc                 char(18)     not null unique,
    name                 varchar(200) not null,
    sector               varchar(16)  not null,
    kind                 varchar(40)  not null,
    ownership            varchar(40)  not null,
    city_code            char(6)      not null,
    division_code        char(6)      not null,
    address              varchar(300) not null,
    legal_representative varchar(60)  not null,
    contact_phone        varchar(30)  not null,
    capacity             integer      not null check (capacity >= 0),
    filing_status        varchar(16)  not null,
    filing_number        varchar(40),
    filed_on             date,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);
-- the public directory: filed institutions by place and sector, names searched by substring
create extension if not exists pg_trgm;
create index institution_directory on institution (filing_status, city_code, division_code, sector);
create index institution_name_trgm on institution using gin (name gin_trgm_ops);
