-- 消息中心 (care.registry.message): what an institution is told about its filings and registrations, kept from the
-- events that caused it (in the inbox's transaction) and read in the portal. Each row also carries its delivery
-- through the configured notifier (SMS, e-mail or the log): recorded first, sent after commit, retried until sent or
-- marked failed, so that a notifier that fails never loses or blocks a message.
create table message (
    id                 uuid          primary key,
    uscc               char(18)      not null,   -- the institution it concerns: its accounts read it
    recipient_id       varchar(36),              -- the account (Keycloak id) it is addressed to; a registrant reads only these
    kind               varchar(30)   not null,   -- FILING_ACCEPTED / _RETURNED / _APPROVED / _REJECTED, REGISTRATION_CONFIRMED / _REFUSED
    filing_id          uuid,
    registration_id    uuid,
    title              varchar(100)  not null,
    body               varchar(2000) not null,
    created_at         timestamptz   not null,
    read_at            timestamptz,
    read_by            varchar(80),
    phone              varchar(40),              -- where the SMS goes (the institution's contact phone or the registrant's mobile)
    email              varchar(200),
    delivery_status    varchar(12)   not null,   -- PENDING / SENT / FAILED / NO_ADDRESS
    delivery_attempts  int           not null default 0,
    next_delivery_at   timestamptz,
    delivery_error     varchar(500),
    delivered_at       timestamptz,
    version            bigint        not null default 0
);
-- the inbox of one institution (or one registrant), newest first, and its unread count
create index message_inbox on message (uscc, created_at desc);
create index message_unread on message (uscc) where read_at is null;
-- the deliveries still to make, earliest first
create index message_delivery_due on message (next_delivery_at) where delivery_status = 'PENDING';
