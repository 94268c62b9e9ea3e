package care.contracts.db;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures are the database's state (a 503 to a client; a poll kept for another try instead of sending its
 * records to the dead-letter topic) rather than the request's or the record's fault.
 */
class DatabaseFailuresTest {

    @Test
    void anUnreachableOrStoppingDatabaseIsNotTheRecordsFault() {
        // as Hibernate and the PostgreSQL driver report them: the SQLException somewhere down the causes
        assertTrue(DatabaseFailures.unavailable(new PersistenceException(new JDBCConnectionException(
                "could not prepare statement", new SQLException("Connection refused", "08001")))));
        assertTrue(DatabaseFailures.unavailable(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseFailures.unavailable(new SQLException("sorry, too many clients already", "53300")));
        assertTrue(DatabaseFailures.unavailable(new PersistenceException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseFailures.unavailable(new SQLTransientConnectionException("pool closed")));
    }

    @Test
    void aCommitTheDatabaseEndedCarriesItsCauseAsASuppressedException() {
        // as Narayana reports a one-phase commit whose connection the server ended: no cause, the resource's
        // XAException (and under it the driver's failure) suppressed; QuarkusTransaction wraps it once more
        jakarta.transaction.RollbackException commit =
                new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        javax.transaction.xa.XAException resource = new javax.transaction.xa.XAException(
                "Error trying to transactionCommit local transaction");
        resource.initCause(new SQLException("terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(resource);
        assertEquals(DatabaseFailures.Unavailable.DOWN, DatabaseFailures.classify(commit));
        assertEquals(DatabaseFailures.Unavailable.DOWN, DatabaseFailures.classify(new RuntimeException(commit)));
        // a commit refused for the data (a deferred constraint) stays the request's fault
        jakarta.transaction.RollbackException refused = new jakarta.transaction.RollbackException("could not commit");
        refused.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertNull(DatabaseFailures.classify(refused));
    }

    @Test
    void aPoolWithNoFreeConnectionIsBusyWhicheverWayAgroalSpellsIt() {
        assertEquals(DatabaseFailures.Unavailable.BUSY, DatabaseFailures.classify(
                new PersistenceException(new SQLException("Sorry, acquisition timeout!"))));
        // the pool's other wording, which a case-sensitive match missed
        assertEquals(DatabaseFailures.Unavailable.BUSY, DatabaseFailures.classify(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertEquals(DatabaseFailures.Unavailable.DOWN, DatabaseFailures.classify(
                new JDBCConnectionException("could not open", new SQLException("refused", "08001"))));
        assertNull(DatabaseFailures.classify(new SQLException("value too long", "22001")));
    }

    @Test
    void aRecordTheDatabaseRefusesIsTheRecordsFault() {
        assertFalse(DatabaseFailures.unavailable(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"), "uk_site")));
        assertFalse(DatabaseFailures.unavailable(new SQLException("value too long", "22001")));
        assertFalse(DatabaseFailures.unavailable(new IllegalArgumentException("unknown kind FULL_DAYCARE")));
        assertFalse(DatabaseFailures.unavailable(new SQLException("no state, other message")));
    }
}
