package care.registry.support;

/**
 * While open, every transaction that inserts into {@code table} loses its connection at commit: a deferred
 * constraint trigger ends the server process serving it, as a database restart or fail-over would, after the
 * transaction's statements have all succeeded. Closing drops the trigger.
 */
public final class EndedAtCommit implements AutoCloseable {

    private final Db db;
    private final String table;

    private EndedAtCommit(Db db, String table) {
        this.db = db;
        this.table = table;
    }

    public static EndedAtCommit inserting(Db db, String table) {
        db.execute("create function end_connection_at_commit() returns trigger language plpgsql as"
                + " $$ begin perform pg_terminate_backend(pg_backend_pid()); return null; end $$");
        db.execute("create constraint trigger end_connection_at_commit after insert on " + table
                + " deferrable initially deferred for each row execute function end_connection_at_commit()");
        return new EndedAtCommit(db, table);
    }

    @Override
    public void close() {
        db.execute("drop trigger end_connection_at_commit on " + table);
        db.execute("drop function end_connection_at_commit()");
    }
}
