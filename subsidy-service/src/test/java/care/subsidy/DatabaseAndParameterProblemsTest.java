package care.subsidy;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemMappers;
import care.deploy.CareTestResource;
import care.deploy.ExhaustedPool;
import care.deploy.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The shared problem mappers of contracts, as this service answers them. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "subsidy"))
class DatabaseAndParameterProblemsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestThatFindsNoFreeConnectionIsA503WithRetryAfterNotA500() throws Exception {
        String token = Tokens.of("admin-530100");
        given().auth().oauth2(token).get("/api/subsidy/batches").then().statusCode(200);
        ExhaustedPool.during(dataSource, () -> given().auth().oauth2(token).get("/api/subsidy/batches").then().statusCode(503)
                .contentType(startsWith(Problem.MEDIA_TYPE)).header("Retry-After", ProblemMappers.RETRY_AFTER_BUSY)
                .body("code", equalTo("SERVICE_BUSY")).body("instance", equalTo("/api/subsidy/batches")));
        given().auth().oauth2(token).get("/api/subsidy/batches").then().statusCode(200);
    }

    @Test
    void aNumberTooLongForItsTypeIsA400AtItsParameterNotA404() {
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/subsidy/batches?page=99999999999").then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE)).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("page"));
    }
}
