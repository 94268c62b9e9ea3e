package care.registry.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * While open, every transaction that inserts into {@code table} loses its connection at commit: a deferred
 * constraint trigger ends the server process serving it, as a database restart or fail-over would, after the
 * transaction's statements have all succeeded. Closing drops the trigger.
 */
public final class EndedAtCommit implements AutoCloseable {

    private final DataSource dataSource;
    private final String table;

    private EndedAtCommit(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    public static EndedAtCommit inserting(DataSource dataSource, String table) throws SQLException {
        EndedAtCommit ended = new EndedAtCommit(dataSource, table);
        ended.run("create function end_connection_at_commit() returns trigger language plpgsql as"
                        + " $$ begin perform pg_terminate_backend(pg_backend_pid()); return null; end $$",
                "create constraint trigger end_connection_at_commit after insert on " + table
                        + " deferrable initially deferred for each row execute function end_connection_at_commit()");
        return ended;
    }

    @Override
    public void close() throws SQLException {
        run("drop trigger end_connection_at_commit on " + table, "drop function end_connection_at_commit()");
    }

    private void run(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
