-- When the event whose facts institution_view holds occurred at the registry (its envelope's occurredAt): an
-- InstitutionRegistered or InstitutionChanged that occurred earlier and is delivered later (a replay, a redelivery
-- after a newer one) does not overwrite them. Null for rows written before: the next event sets it.
alter table institution_view add column facts_at timestamptz;
