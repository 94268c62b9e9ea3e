-- the outbox keeps the W3C traceparent of the request that wrote the row (care.contracts.trace.TraceContexts),
-- not only an id: the relay continues that trace on the Kafka record
alter table outbox_event rename column request_id to trace_parent;
