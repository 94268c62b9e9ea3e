package care.contracts.inbox;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures keep a poll for another try instead of sending its records to the dead-letter topic. */
class InboxBatchesTest {

    @Test
    void anUnreachableOrStoppingDatabaseIsNotTheRecordsFault() {
        // as Hibernate and the PostgreSQL driver report them: the SQLException somewhere down the causes
        assertTrue(InboxBatches.databaseUnavailable(new PersistenceException(new JDBCConnectionException(
                "could not prepare statement", new SQLException("Connection refused", "08001")))));
        assertTrue(InboxBatches.databaseUnavailable(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(InboxBatches.databaseUnavailable(new SQLException("sorry, too many clients already", "53300")));
        assertTrue(InboxBatches.databaseUnavailable(new PersistenceException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(InboxBatches.databaseUnavailable(new SQLTransientConnectionException("pool closed")));
    }

    @Test
    void aRecordTheDatabaseRefusesIsTheRecordsFault() {
        assertFalse(InboxBatches.databaseUnavailable(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"), "uk_site")));
        assertFalse(InboxBatches.databaseUnavailable(new SQLException("value too long", "22001")));
        assertFalse(InboxBatches.databaseUnavailable(new IllegalArgumentException("unknown kind FULL_DAYCARE")));
        assertFalse(InboxBatches.databaseUnavailable(new SQLException("no state, other message")));
    }
}
