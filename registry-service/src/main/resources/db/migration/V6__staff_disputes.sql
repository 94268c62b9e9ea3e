-- ============================================================================================================
-- Roster disputes: two institutions claim one person (same citizen_id_hash) for overlapping times. The later
-- claim is recorded, both entries wait (DISPUTED: no allowance for either) and the county's competent reviewer
-- decides which stands (see StaffDisputes for what becomes of the others).
-- ============================================================================================================
alter table staff
    add column status          varchar(16) not null default 'ACTIVE'
        check (status in ('ACTIVE', 'DISPUTED', 'REFUSED')),
    -- the outcome of the last dispute this entry was part of, as its institution is told it
    add column dispute_outcome varchar(16)
        check (dispute_outcome in ('STANDS', 'ENDED', 'REFUSED'));

create table staff_dispute (
    id                uuid primary key,
    person_key        char(64)     not null,
    citizen_id_masked char(18)     not null,
    status            varchar(16)  not null check (status in ('OPEN', 'DECIDED')),
    -- the later claim, whose registration (or edit) overlapped the others: the one the county is asked about
    disputing_staff_id uuid        not null references staff (id),
    -- who decides: the competent department (sector) of the county of the institution whose claim opened it
    sector            varchar(16)  not null,
    division_code     char(6)      not null,
    city_code         char(6)      not null,
    opened_at         timestamptz  not null,
    opened_by         varchar(100) not null,
    decided_by        varchar(100),
    decided_at        timestamptz,
    reason            varchar(500),
    standing_staff_id uuid references staff (id),
    version           bigint       not null,
    check ((status = 'OPEN') = (decided_by is null and decided_at is null and reason is null
                                and standing_staff_id is null))
);
-- one open dispute per person: a further overlapping claim waits until it is decided
create unique index staff_dispute_one_open on staff_dispute (person_key) where status = 'OPEN';
create index staff_dispute_queue on staff_dispute (status, opened_at, id);

create table staff_dispute_claim (
    dispute_id uuid        not null references staff_dispute (id),
    staff_id   uuid        not null references staff (id),
    outcome    varchar(16) not null check (outcome in ('PENDING', 'STANDS', 'ENDED', 'REFUSED')),
    primary key (dispute_id, staff_id)
);
create index staff_dispute_claim_staff on staff_dispute_claim (staff_id);
