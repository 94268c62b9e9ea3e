package care.deploy;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** For tests of overload: runs a check while every connection of a service's pool is taken, then gives them back. */
public final class ExhaustedPool {

    private ExhaustedPool() {
    }

    public static void during(AgroalDataSource dataSource, Runnable check) throws SQLException {
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();
        Duration configured = pool.acquisitionTimeout();
        List<Connection> held = new ArrayList<>();
        pool.setAcquisitionTimeout(Duration.ofMillis(300)); // the test's own waits stay short
        try {
            try { // every connection the pool will give, whatever background work holds at the moment
                while (held.size() <= pool.maxSize()) {
                    held.add(dataSource.getConnection());
                }
            } catch (SQLException exhausted) {
                // the pool is dry
            }
            if (held.size() > pool.maxSize()) {
                throw new IllegalStateException("the pool gave more than its maximum: " + held.size());
            }
            check.run();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
            pool.setAcquisitionTimeout(configured);
        }
    }
}
