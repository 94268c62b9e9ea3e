-- Citizen IDs are sealed under a keyring (care.pii.keys, version:key pairs) so that the encryption key can rotate:
-- each ciphertext keeps the version of the key that sealed it. Every row so far was sealed with the single key the
-- registry had, which the keyring takes over as version 1. A constant default is only recorded in the catalogue (no
-- table rewrite), so this runs in a moment on a full roster; the default is dropped afterwards, as every write names
-- its key. The index serves the re-encryption job (rows under an older key) and its progress count per version.
alter table staff add column citizen_id_key smallint not null default 1;
alter table staff alter column citizen_id_key drop default;
create index staff_citizen_id_key on staff (citizen_id_key);
