package care.subsidy.support;

import jakarta.persistence.Tuple;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of a native query, read by column name whichever way the query ran (a JPA {@link Tuple} or a JDBC
 * {@link ResultSet}): a column added to a query shifts nothing.
 */
@FunctionalInterface
public interface Row {

    Object get(String column);

    static Row of(Tuple tuple) {
        return tuple::get;
    }

    static Row of(ResultSet rs) {
        return column -> {
            try {
                return rs.getObject(column);
            } catch (SQLException e) {
                throw new IllegalStateException("no column " + column, e);
            }
        };
    }

    default String string(String column) {
        return (String) get(column);
    }

    default UUID uuid(String column) {
        return (UUID) get(column);
    }

    default Integer integer(String column) {
        Number value = (Number) get(column);
        return value == null ? null : value.intValue();
    }

    default long longValue(String column) {
        return ((Number) get(column)).longValue();
    }

    default LocalDate date(String column) {
        return Sql.date(get(column));
    }

    default Instant instant(String column) {
        return Sql.instant(get(column));
    }
}
