package care.registry;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemMappers;
import care.contracts.validation.Identifiers;
import care.deploy.CareTestResource;
import care.deploy.ExhaustedPool;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.support.Db;
import care.registry.support.EndedAtCommit;
import care.registry.support.Register;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared problem mappers of contracts, as this service answers them. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class DatabaseAndParameterProblemsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Register register;

    @Inject
    Db db;

    @Test
    void aRequestThatFindsNoFreeConnectionIsA503WithRetryAfterNotA500() throws Exception {
        String token = Tokens.of("admin-530100");
        given().auth().oauth2(token).get("/api/institutions").then().statusCode(200);
        ExhaustedPool.during(dataSource, () -> given().auth().oauth2(token).get("/api/institutions").then().statusCode(503)
                .contentType(startsWith(Problem.MEDIA_TYPE)).header("Retry-After", ProblemMappers.RETRY_AFTER_BUSY)
                .body("code", equalTo("SERVICE_BUSY")).body("instance", equalTo("/api/institutions")));
        given().auth().oauth2(token).get("/api/institutions").then().statusCode(200);
    }

    /**
     * The database goes away after the request's last statement, at its commit ({@link EndedAtCommit}). The
     * transaction manager reports that as a RollbackException carrying the driver's failure only as a suppressed
     * exception; it is still the database's state, a 503 and nothing stored, and the next request is served on a new
     * connection.
     */
    @Test
    void aCommitTheDatabaseEndsIsA503AndStoresNothing() {
        // an institution of its own: the inspection the test stores at the end is counted by no other test
        Institution home = register.ensure(Identifiers.completeUscc("52530103MJA000077"), "盘龙区提交断开测试养老院",
                "ELDERLY", "PRIVATE_CARE_HOME", "PRIVATE", "530103", 40);
        String token = Tokens.of("mz-530103");
        String body = """
                {"inspectedOn":"2026-08-03","method":"RANDOM","inspectorOrg":"盘龙区民政局","result":"PASSED",
                 "findings":"提交时数据库断开","penalty":null,"fineFen":0,"creditLevel":null,"disclosed":false}""";
        String inspections = "select count(*) from inspection where institution_id = ?1";
        long before = db.count(inspections, home.id);
        try (var ended = EndedAtCommit.inserting(db, "inspection")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/institutions/{id}/inspections", home.id).then().statusCode(503)
                    .contentType(startsWith(Problem.MEDIA_TYPE)).header("Retry-After", ProblemMappers.RETRY_AFTER_DOWN)
                    .body("code", equalTo("DATABASE_UNAVAILABLE"));
        }
        assertEquals(before, db.count(inspections, home.id));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/institutions/{id}/inspections", home.id).then().statusCode(201);
        assertEquals(before + 1, db.count(inspections, home.id));
    }

    @Test
    void aNumberTooLongForItsTypeIsA400AtItsParameterNotA404() {
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/institutions?page=99999999999").then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE)).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("page"));
    }
}
