-- POSTs that add staff or inspections may carry an Idempotency-Key: the first answer is kept per caller and key,
-- and replayed for a retry with the same request; the same key with another request is refused.
create table idempotent_post (
    caller          varchar(100) not null,
    idempotency_key varchar(200) not null,
    request_hash    char(64)     not null,   -- keyed hash (PiiProtector) of target and body: a body may hold a citizen ID
    response_status int          not null,   -- 0 only within the first request's own transaction
    location        varchar(500),
    etag            varchar(40),
    response_body   text         not null,
    created_at      timestamptz  not null default now(),
    primary key (caller, idempotency_key)
);
