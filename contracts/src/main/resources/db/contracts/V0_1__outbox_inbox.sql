-- Transactional outbox: events written in the same transaction as the change they describe,
-- published to Kafka by OutboxRelay and then marked sent.
create table outbox_event (
    seq           bigserial primary key,
    event_id      uuid        not null unique,
    type          varchar(80) not null,
    aggregate_id  varchar(80) not null,
    envelope      text        not null,
    request_id    varchar(64),
    created_at    timestamptz not null default now(),
    sent_at       timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Inbox: the ids of events already applied, recorded in the same transaction as their effect.
create table inbox_event (
    event_id     uuid        primary key,
    type         varchar(80) not null,
    received_at  timestamptz not null default now()
);
