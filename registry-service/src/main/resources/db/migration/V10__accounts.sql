-- Accounts the platform made in Keycloak (care.registry.account): institutions' operators and the cities' staff.
-- Keycloak holds the credentials, sessions and the claims; this table holds what the platform decides about each
-- account (who it is bound to, who made it, whether it is the institution's administrator) so that lists and
-- checks never depend on searching Keycloak.
create table account (
    id               uuid         primary key,
    keycloak_id      varchar(36)  unique,
    username         varchar(40)  not null,
    full_name        varchar(60)  not null,
    kind             varchar(12)  not null,      -- INSTITUTION / STAFF
    role             varchar(30)  not null,      -- the realm role it holds once active
    uscc             char(18),
    sector           varchar(12),
    division_code    char(6),
    city_code        char(6)      not null,
    administrator    boolean      not null default false,
    status           varchar(12)  not null,      -- PENDING / ACTIVE / DISABLED / REFUSED / REMOVED
    created_at       timestamptz  not null,
    created_by       varchar(80)  not null,
    version          bigint       not null default 0
);
-- one live account per username (a refused or removed one frees its mobile number for a new attempt)
create unique index account_username_live on account (username) where status in ('PENDING', 'ACTIVE', 'DISABLED');
create index account_uscc on account (uscc) where uscc is not null;
create index account_city on account (city_code, kind);

-- 机构注册: an institution's application for its first (or a further) operator account
create table registration (
    id                    uuid          primary key,
    account_id            uuid          not null references account (id),
    uscc                  char(18)      not null,
    institution_name      varchar(100)  not null,
    sector                varchar(12)   not null,
    division_code         char(6)       not null,
    city_code             char(6)       not null,
    legal_representative  varchar(60)   not null,
    known_institution     boolean       not null,   -- the register or an account already knew the USCC
    status                varchar(12)   not null,   -- PENDING / CONFIRMED / REFUSED
    reason                varchar(500),
    decided_by            varchar(80),
    decided_at            timestamptz,
    created_at            timestamptz   not null,
    version               bigint        not null default 0
);
-- one open registration per USCC: a second one waits for the first to be decided
create unique index registration_uscc_pending on registration (uscc) where status = 'PENDING';
create index registration_queue on registration (city_code, sector, division_code, status);
