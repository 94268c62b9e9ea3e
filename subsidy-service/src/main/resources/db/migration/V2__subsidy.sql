-- ============================================================================================================
-- Read model with history: eligibility for a month is decided on the state held on that month's last day,
-- so the register's facts are kept with the day they took effect, not only as the latest value.
-- ============================================================================================================
alter table institution_view
    add column total_capacity int     not null default 0,
    add column inclusive      boolean not null default false,
    add column demonstration  boolean not null default false,
    add column effective_on   date;

-- every state the register reported for an institution, from the day it took effect
create table institution_state (
    seq            bigserial primary key,
    institution_id uuid        not null,
    effective_on   date        not null,
    filing_status  varchar(16) not null,
    ownership      varchar(40) not null,
    sector         varchar(16) not null,
    city_code      char(6)     not null,
    division_code  char(6)     not null,
    total_capacity int         not null,
    recorded_at    timestamptz not null default now()
);
create index institution_state_asof on institution_state (institution_id, effective_on desc, seq desc);

-- the current roster entry per staffId (one person at one institution); personKey is the registry's keyed hash
-- of the citizen ID, the same at every institution
create table caregiver (
    staff_id          uuid primary key,
    institution_id    uuid         not null,
    person_key        varchar(128) not null,
    -- the generation slice of the person: (hashtext(person_key) & 2147483647) % 16, see BatchGenerator
    slice             smallint     not null,
    name              varchar(100) not null,
    masked_citizen_id varchar(32),
    role              varchar(40)  not null,
    city_code         char(6)      not null,
    division_code     char(6)      not null,
    employed_from     date,
    employed_until    date,
    updated_at        timestamptz  not null
);
create index caregiver_city_role on caregiver (city_code, role, slice);
create index caregiver_person on caregiver (person_key);

-- every certificate seen on a roster entry, so the grade held on a past day is known after a raise
create table caregiver_certificate (
    staff_id           uuid        not null references caregiver on delete cascade,
    issued_on          date        not null,
    grade              varchar(16) not null,
    certificate_number varchar(64),
    valid_until        date,
    primary key (staff_id, issued_on)
);

-- ============================================================================================================
-- Programmes: the rules as data, per city, with effective-dated parameters
-- ============================================================================================================
create table programme (
    code      varchar(40) primary key,
    city_code char(6)      not null,
    kind      varchar(30)  not null check (kind in ('NURSING_ALLOWANCE', 'DEMONSTRATION_GRANT', 'CAPACITY_SUBSIDY')),
    sector    varchar(16)  not null,
    name      varchar(200) not null,
    source    text         not null
);

create table programme_version (
    id              bigserial primary key,
    programme_code  varchar(40)  not null references programme,
    effective_from  date         not null,
    eligible_role   varchar(40),
    max_amount_fen  bigint check (max_amount_fen > 0),
    source          text         not null,
    created_by      varchar(100) not null,
    created_at      timestamptz  not null default now(),
    unique (programme_code, effective_from)
);

create table programme_ownership (
    version_id bigint      not null references programme_version,
    ownership  varchar(40) not null,
    primary key (version_id, ownership)
);

-- grade → monthly amount (nursing allowance) or PER_UNIT → amount per newly filed bed/托位 (capacity subsidy)
create table programme_rate (
    version_id bigint      not null references programme_version,
    rate_key   varchar(40) not null,
    amount_fen bigint      not null check (amount_fen >= 0 and amount_fen <= 100000000),
    primary key (version_id, rate_key)
);

-- ============================================================================================================
-- Entitlements, batches, instructions
-- ============================================================================================================
create table payment_batch (
    id             uuid primary key,
    city_code      char(6)      not null,
    programme_code varchar(40)  not null references programme,
    period         char(7)      not null,
    seq            int          not null,
    status         varchar(16)  not null
        check (status in ('GENERATING', 'GENERATED', 'EMPTY', 'APPROVED', 'REJECTED', 'RELEASED', 'FAILED')),
    total          int          not null default 0,
    processed      int          not null default 0,
    line_count     int          not null default 0,
    amount_fen     bigint       not null default 0,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    heartbeat_at   timestamptz,
    generated_at   timestamptz,
    reviewed_by    varchar(100),
    reviewed_at    timestamptz,
    review_note    varchar(500),
    released_by    varchar(100),
    released_at    timestamptz,
    failure        text,
    version        int          not null default 0,
    unique (programme_code, period, seq)
);
-- one batch of a programme in flight at a time: two generations can never instruct the same entitlement
create unique index payment_batch_one_open on payment_batch (programme_code)
    where status in ('GENERATING', 'GENERATED', 'APPROVED');

-- an entitlement: a person (or institution) is owed an amount under a programme for a period, at most once
create table payment_line (
    id                bigserial primary key,
    programme_code    varchar(40)  not null references programme,
    period            varchar(7)   not null,
    beneficiary_key   varchar(128) not null,
    city_code         char(6)      not null,
    division_code     char(6)      not null,
    institution_id    uuid         not null,
    institution_uscc  char(18),
    institution_name  varchar(200),
    staff_id          uuid,
    payee_name        varchar(200) not null,
    masked_citizen_id varchar(32),
    grade             varchar(16),
    units             int,
    amount_fen        bigint       not null check (amount_fen > 0),
    basis             text         not null,
    decided_by        varchar(100),
    created_at        timestamptz  not null default now(),
    constraint payment_line_once unique (programme_code, period, beneficiary_key)
);
create index payment_line_open on payment_line (programme_code, period);

-- an attempt to pay an entitlement, inside a batch; failed or cancelled attempts free it for a later batch
create table payment_instruction (
    id             uuid primary key,
    line_id        bigint      not null references payment_line,
    batch_id       uuid        not null references payment_batch,
    city_code      char(6)     not null,
    amount_fen     bigint      not null check (amount_fen > 0),
    attempt        int         not null,
    status         varchar(16) not null
        check (status in ('PENDING', 'RELEASED', 'PAID', 'FAILED', 'CANCELLED')),
    bank_reference varchar(64),
    paid_on        date,
    failure_reason varchar(500),
    settled_by     varchar(100),
    settled_at     timestamptz,
    version        int         not null default 0
);
create unique index payment_instruction_one_open on payment_instruction (line_id)
    where status in ('PENDING', 'RELEASED', 'PAID');
create index payment_instruction_batch on payment_instruction (batch_id, id);
create index payment_instruction_line on payment_instruction (line_id);

-- ============================================================================================================
-- Finance results: idempotency keys, replayed with their first answer
-- ============================================================================================================
create table finance_idempotency (
    client_id       varchar(100) not null,
    idempotency_key varchar(200) not null,
    request_hash    char(64)     not null,
    instruction_id  uuid         not null,
    response_status int          not null,
    response_body   text         not null,
    created_at      timestamptz  not null default now(),
    primary key (client_id, idempotency_key)
);

-- ============================================================================================================
-- Ledger: append-only, integer fen, one entry per instruction and movement
-- ============================================================================================================
create table ledger_entry (
    seq            bigserial primary key,
    entry_type     varchar(16)  not null check (entry_type in ('ISSUED', 'PAID', 'FAILED', 'REVERSED')),
    instruction_id uuid         not null references payment_instruction,
    batch_id       uuid         not null references payment_batch,
    programme_code varchar(40)  not null,
    period         varchar(7)   not null,
    city_code      char(6)      not null,
    amount_fen     bigint       not null check (amount_fen > 0),
    reference      varchar(500),
    recorded_by    varchar(100) not null,
    recorded_at    timestamptz  not null default now()
);
create unique index ledger_entry_once on ledger_entry (instruction_id, entry_type);
create index ledger_entry_batch on ledger_entry (batch_id);
create index ledger_entry_period on ledger_entry (city_code, period);

create function ledger_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_entry is append-only (% refused)', tg_op;
end
$$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_entry_append_only();
