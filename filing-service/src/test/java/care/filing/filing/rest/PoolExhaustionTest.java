package care.filing.filing.rest;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemMappers;
import care.deploy.CareTestResource;
import care.deploy.ExhaustedPool;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static care.filing.filing.rest.FilingApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class PoolExhaustionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestThatFindsNoFreeConnectionIsA503WithRetryAfterNotA500() throws Exception {
        as("mz-530102", "GET", "/api/filings", null).statusCode(200); // token fetched, service warm
        ExhaustedPool.during(dataSource, () -> as("mz-530102", "GET", "/api/filings", null).statusCode(503)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .header("Retry-After", ProblemMappers.RETRY_AFTER_BUSY)
                .body("code", equalTo("SERVICE_BUSY")).body("status", equalTo(503))
                .body("instance", equalTo("/api/filings")));
        as("mz-530102", "GET", "/api/filings", null).statusCode(200); // and it recovers once connections are free
    }
}
