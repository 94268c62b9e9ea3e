create table filing (
    id                   uuid primary key,
    type                 varchar(16)  not null,
    sector               varchar(16)  not null,
    status               varchar(16)  not null,
    uscc                 char(18)     not null,
    institution_name     varchar(200) not null,
    kind                 varchar(40)  not null,
    ownership            varchar(40)  not null,
    city_code            char(6)      not null,
    division_code        char(6)      not null,
    address              varchar(300) not null,
    legal_representative varchar(60)  not null,
    contact_phone        varchar(30)  not null,
    capacity             integer      not null check (capacity >= 0),
    applicant            varchar(100) not null,
    created_at           timestamptz  not null,
    submitted_at         timestamptz,
    decided_at           timestamptz,
    decided_by           varchar(100),
    decision_comment     varchar(2000),
    receipt_number       varchar(40) unique,
    version              bigint       not null
);
create index filing_queue on filing (sector, division_code, status, submitted_at);
create index filing_applicant on filing (uscc, created_at);

-- 备案回执 numbers: one gapless sequence per county and year. The row stays locked until the approving
-- transaction ends, so a rolled-back approval gives its number back.
create table receipt_counter (
    division_code char(6) not null,
    year          integer not null,
    last_value    integer not null,
    primary key (division_code, year)
);
