-- finance_idempotency takes the shape of the shared Idempotency-Key component (contracts IdempotencyKeys), which
-- every service's key table has: the caller column named as everywhere, Location and ETag (finance answers carry
-- neither), and an index for the hourly cleanup that forgets keys after subsidy.finance.idempotency-keys.kept-for.
-- instruction_id goes: the request hash covers the instruction and the kept answer names it.
alter table finance_idempotency rename column client_id to caller;
alter table finance_idempotency drop column instruction_id;
alter table finance_idempotency add column location varchar(500), add column etag varchar(40);
create index finance_idempotency_created_at on finance_idempotency (created_at);
