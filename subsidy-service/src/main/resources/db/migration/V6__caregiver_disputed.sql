-- A roster entry the registry reports as disputed (another institution claims the same person for an overlapping
-- time and the county has not decided yet). While any entry of a person is disputed, the monthly rule pays that
-- person nothing (BatchGenerator); after the decision the registry sends the entries again, undisputed.
alter table caregiver add column disputed boolean not null default false;
-- the monthly rule asks "is any entry of this person disputed?" for every candidate
create index caregiver_disputed_person on caregiver (person_key) where disputed;
