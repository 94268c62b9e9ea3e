package care.filing.rest;

import care.contracts.problem.Problem;
import care.deploy.CareTestResource;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static care.filing.filing.rest.FilingApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class PoolExhaustionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestThatFindsNoFreeConnectionIsA503WithRetryAfterNotA500() throws Exception {
        as("mz-530102", "GET", "/api/filings", null).statusCode(200); // token fetched, service warm
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();
        Duration configured = pool.acquisitionTimeout();
        List<Connection> held = new ArrayList<>();
        pool.setAcquisitionTimeout(Duration.ofMillis(300)); // the test's own waits stay short
        try {
            try { // take every connection the pool will give, whatever background work holds at the moment
                while (held.size() <= pool.maxSize()) {
                    held.add(dataSource.getConnection());
                }
            } catch (SQLException exhausted) {
                // the pool is dry
            }
            assertTrue(held.size() <= pool.maxSize(), "the pool gave more than its maximum: " + held.size());

            as("mz-530102", "GET", "/api/filings", null).statusCode(503)
                    .contentType(startsWith(Problem.MEDIA_TYPE))
                    .header("Retry-After", DatabaseProblems.RETRY_AFTER_BUSY)
                    .body("code", equalTo("SERVICE_BUSY")).body("status", equalTo(503))
                    .body("instance", equalTo("/api/filings"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
            pool.setAcquisitionTimeout(configured);
        }
        as("mz-530102", "GET", "/api/filings", null).statusCode(200); // and it recovers once connections are free
    }
}
