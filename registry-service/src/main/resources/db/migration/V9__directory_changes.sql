-- ============================================================================================================
-- The public directory's change feed (GET /api/directory/changes): one row per entry, change and removal of a
-- filed institution as the directory shows it, written in the transaction of the change (DirectoryFeed). Writers
-- take a transaction-scoped advisory lock before their row gets its position, so positions are handed out in
-- commit order: a reader that has seen position n never later meets a row below n.
-- ============================================================================================================
create table directory_change (
    position       bigint generated always as identity primary key,
    institution_id uuid        not null,
    kind           varchar(8)  not null check (kind in ('ENTERED', 'CHANGED', 'REMOVED')),
    -- the directory's entry (DirectoryEntry as JSON) after the change; null for a removal
    entry          text,
    recorded_at    timestamptz not null default now(),
    check ((kind = 'REMOVED') = (entry is null))
);

-- the institution's last change: decides between ENTERED, CHANGED, REMOVED and nothing
create index directory_change_institution on directory_change (institution_id, position desc);
