-- The full register: designations and filing bookkeeping on the institution, sites with their capacity,
-- the staff roster (citizen ID encrypted, looked up by keyed hash), supervision records and the audit trail.

alter table institution
    add column inclusive            boolean     not null default false,  -- 普惠
    add column demonstration        boolean     not null default false,  -- 示范
    add column contact_person       varchar(60),
    add column contact_email        varchar(120),
    add column credit_level         varchar(8),
    add column closed_on            date,
    add column facts_filed_on       date,          -- approval day of the filing whose facts the record holds
    add column facts_receipt        varchar(40);   -- and its receipt, to refuse older filings delivered late
update institution set facts_filed_on = filed_on, facts_receipt = filing_number;

create index institution_directory_sort on institution (filing_status, name, id);
create index institution_kind on institution (kind) where filing_status = 'FILED';

-- 经营场所: the first comes with the NEW filing, others with ADD_SITE filings; the institution keeps the breakdown.
create table site (
    id                  uuid primary key,
    institution_id      uuid         not null references institution (id),
    filing_id           uuid         not null unique,   -- the filing that added it: applying it twice adds nothing
    main                boolean      not null,
    name                varchar(200) not null,
    division_code       char(6)      not null,
    township_code       varchar(9),
    address             varchar(300) not null,
    filed_capacity      integer      not null check (filed_capacity >= 0),
    filing_number       varchar(40),
    -- 养老: beds
    beds_total          integer check (beds_total >= 0),
    beds_nursing        integer check (beds_nursing >= 0),
    beds_inclusive      integer check (beds_inclusive >= 0),
    beds_safety_net     integer check (beds_safety_net >= 0),
    beds_medical        integer check (beds_medical >= 0),
    -- 托育: 托位, by age group and care mode
    slots_total         integer check (slots_total >= 0),
    slots_inclusive     integer check (slots_inclusive >= 0),
    slots_infant        integer check (slots_infant >= 0),     -- 乳儿班 6-12 months
    slots_toddler       integer check (slots_toddler >= 0),    -- 托小班 12-24 months
    slots_older         integer check (slots_older >= 0),      -- 托大班 24-36 months
    care_modes          varchar(80)  not null default '',
    services            varchar(300) not null default '',
    occupied            integer check (occupied >= 0),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    updated_by          varchar(80),
    version             bigint       not null
);
create index site_institution on site (institution_id);

-- The roster. The citizen ID is stored only encrypted (AES-GCM) and as a keyed hash (HMAC-SHA256) for lookups.
create table staff (
    id                      uuid primary key,
    institution_id          uuid         not null references institution (id),
    name                    varchar(60)  not null,
    role                    varchar(32)  not null,
    citizen_id_cipher       bytea        not null,
    citizen_id_hash         char(64)     not null,
    citizen_id_masked       char(18)     not null,
    certificate_type        varchar(60),
    certificate_grade       varchar(16),
    certificate_number      varchar(40),
    certificate_issued_on   date,
    certificate_valid_until date,
    employed_from           date         not null,
    employed_until          date,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 bigint       not null,
    check (employed_until is null or employed_until >= employed_from)
);
create index staff_institution on staff (institution_id, name);
create index staff_person on staff (citizen_id_hash);

-- 双随机、一公开 and other inspections, with their result, penalty and the credit level they set.
create table inspection (
    id              uuid primary key,
    institution_id  uuid         not null references institution (id),
    inspected_on    date         not null,
    method          varchar(24)  not null,
    inspector_org   varchar(100) not null,
    result          varchar(24)  not null,
    findings        varchar(2000),
    penalty         varchar(500),
    fine_fen        bigint       not null default 0 check (fine_fen >= 0),
    credit_level    varchar(8),
    disclosed       boolean      not null,
    recorded_by     varchar(80)  not null,
    recorded_at     timestamptz  not null
);
create index inspection_institution on inspection (institution_id, inspected_on desc);

-- Who changed what, when. Details never hold a citizen ID in plain text.
create table audit_entry (
    id              bigserial primary key,
    at              timestamptz  not null,
    actor           varchar(80)  not null,
    action          varchar(60)  not null,
    entity          varchar(30)  not null,
    entity_id       uuid,
    institution_id  uuid,
    city_code       char(6),
    division_code   char(6),
    detail          text
);
create index audit_entry_city on audit_entry (city_code, id desc);
create index audit_entry_institution on audit_entry (institution_id, id desc);
