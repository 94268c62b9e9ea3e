-- The full 备案 workflow: what a filing declares per type, deadlines, return-for-correction items,
-- materials, the audit trail and the institutions this service has filed.

alter table filing
    add column site_name        varchar(200),
    add column site_address     varchar(300),
    add column site_capacity    integer check (site_capacity >= 0),
    add column close_reason     varchar(2000),
    add column accepted_at      timestamptz,
    add column first_submitted_at timestamptz,
    add column due_on           date,
    add column return_items     text,
    add column returned_at      timestamptz;
create index filing_due on filing (sector, division_code, due_on);

-- Uploaded 申报材料: one current file per checklist item; a replacement overwrites it (history keeps who/when).
create table filing_material (
    filing_id     uuid         not null references filing (id),
    code          varchar(40)  not null,
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    integer      not null check (size_bytes > 0),
    sha256        char(64)     not null,
    content       bytea        not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz  not null,
    primary key (filing_id, code)
);

-- Audit trail: every transition and every material change, with actor, time and comment.
create table filing_history (
    id          bigserial primary key,
    filing_id   uuid         not null references filing (id),
    at          timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(32)  not null,
    from_status varchar(16),
    to_status   varchar(16),
    comment     text
);
create index filing_history_filing on filing_history (filing_id, id);

-- The institutions this service has filed (from approved NEW filings, kept current by approved CHANGE and CLOSE):
-- CHANGE, ADD_SITE and CLOSE filings must name one of them.
create table filed_institution (
    uscc                 char(18)     primary key,
    status               varchar(16)  not null,
    sector               varchar(16)  not null,
    institution_name     varchar(200) not null,
    kind                 varchar(40)  not null,
    ownership            varchar(40)  not null,
    city_code            char(6)      not null,
    division_code        char(6)      not null,
    address              varchar(300) not null,
    legal_representative varchar(60)  not null,
    contact_phone        varchar(30)  not null,
    capacity             integer      not null,
    sites                integer      not null,
    last_filing_id       uuid         not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);
