package care.registry.access;

import care.contracts.validation.Identifiers;
import care.contracts.idempotency.IdempotencyKeys;
import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key on the POSTs that add staff and inspections: a retry replays, another body is refused. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class IdempotentPostsTest {

    @Inject
    Register register;
    @Inject
    Db db;
    @Inject
    IdempotencyKeys posts;

    static String staff(String name, String citizenId, String from) {
        return """
                {"name":"%s","role":"ELDERLY_CAREGIVER","citizenId":"%s","certificateGrade":"LEVEL_5",
                 "certificateNumber":"S5301022023%04d","employedFrom":"%s"}"""
                .formatted(name, citizenId, ThreadLocalRandom.current().nextInt(10_000), from);
    }

    static String inspection(String day, String findings, long fineFen) {
        return """
                {"inspectedOn":"%s","method":"RANDOM","inspectorOrg":"盘龙区民政局","result":"RECTIFY",
                 "findings":"%s","fineFen":%d,"creditLevel":"B","disclosed":true}""".formatted(day, findings, fineFen);
    }

    Response post(String user, String key, String path, UUID id, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/institutions/{id}/" + path, id);
    }

    @Test
    void aRetriedStaffPostGetsTheFirstAnswerAndAddsNoOneTwice() {
        Institution home = register.elderly530102();
        String citizenId = Identifiers.completeCitizenId("530102" + (1980 + ThreadLocalRandom.current().nextInt(20))
                + "%02d%02d%03d".formatted(1 + ThreadLocalRandom.current().nextInt(12),
                1 + ThreadLocalRandom.current().nextInt(28), ThreadLocalRandom.current().nextInt(1000)));
        String name = "幂等" + ThreadLocalRandom.current().nextInt(1_000_000);
        String body = staff(name, citizenId, "2024-03-01");
        String key = UUID.randomUUID().toString();

        Response first = post("inst-elderly", key, "staff", home.id, body);
        first.then().statusCode(201).header("Idempotency-Replayed", "false");
        // the same request again, laid out differently: the same answer, replayed
        Response retry = post("inst-elderly", key, "staff", home.id, body.replace("\n", " ").replace(",", " , "));
        retry.then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"))
                .body("id", equalTo(first.path("id"))).body("citizenIdMasked", equalTo(first.path("citizenIdMasked")));
        String staffId = first.path("id");
        assertEquals(1, db.count("select count(*) from staff where institution_id = ?1 and name = ?2", home.id, name));
        assertEquals(1, db.events("CaregiverChanged", staffId).size());

        // the same key for another request: refused, nothing added
        post("inst-elderly", key, "staff", home.id, staff(name, citizenId, "2024-04-01")).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(1, db.count("select count(*) from staff where institution_id = ?1 and name = ?2", home.id, name));
        // what is kept to recognise the request holds no citizen ID in plain text
        assertEquals(0, db.count("select count(*) from idempotent_post t where t::text like ?1", "%" + citizenId + "%"));
    }

    @Test
    void aRefusedInspectionLeavesTheKeyFreeAndKeysBelongToTheirCaller() {
        // an institution of this test's own: other tests count the inspections of theirs
        Institution home = register.ensure(Identifiers.completeUscc("52530103MJA000099"), "盘龙区幂等养老院", "ELDERLY",
                "PRIVATE_CARE_HOME", "PRIVATE", "530103", 50);
        String findings = "幂等检查" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String count = "select count(*) from inspection where institution_id = ?1 and findings = ?2";

        // refused by the service after the key was claimed (a fine needs a penalty decision): the claim goes too
        post("mz-530103", key, "inspections", home.id, inspection("2026-05-01", findings, 100)).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("fineFen"));
        Response first = post("mz-530103", key, "inspections", home.id, inspection("2026-05-01", findings, 0));
        first.then().statusCode(201).header("Idempotency-Replayed", "false");
        post("mz-530103", key, "inspections", home.id, inspection("2026-05-01", findings, 0)).then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first.path("id")));
        assertEquals(1, db.count(count, home.id, findings));

        // another official's key is theirs alone: the same key records their own inspection
        post("admin-530100", key, "inspections", home.id, inspection("2026-05-01", findings, 0)).then().statusCode(201)
                .header("Idempotency-Replayed", "false");
        assertEquals(2, db.count(count, home.id, findings));

        post("mz-530103", "k".repeat(201), "inspections", home.id, inspection("2026-05-02", findings, 0)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertEquals(2, db.count(count, home.id, findings));
    }

    @Test
    void aKeyIsForgottenAfterADayAndMayThenBeUsedAgain() {
        Institution home = register.elderly530102();
        String findings = "过期幂等键" + UUID.randomUUID();
        String stale = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        post("mz-530102", stale, "inspections", home.id, inspection("2026-06-01", findings, 0)).then().statusCode(201);
        post("mz-530102", fresh, "inspections", home.id, inspection("2026-06-02", findings, 0)).then().statusCode(201);
        db.execute("update idempotent_post set created_at = now() - interval '25 hours' where idempotency_key = ?1", stale);

        assertTrue(posts.forgetOldKeys() >= 1);

        assertEquals(0, db.count("select count(*) from idempotent_post where idempotency_key = ?1", stale));
        // the forgotten key is a new request now; the kept one still replays
        post("mz-530102", stale, "inspections", home.id, inspection("2026-06-03", findings, 0)).then().statusCode(201)
                .header("Idempotency-Replayed", "false");
        post("mz-530102", fresh, "inspections", home.id, inspection("2026-06-02", findings, 0)).then().statusCode(201)
                .header("Idempotency-Replayed", "true");
        assertEquals(3, db.count("select count(*) from inspection where institution_id = ?1 and findings = ?2",
                home.id, findings));
    }
}
