package care.registry.staff.rest;

import care.contracts.validation.Identifiers;
import care.deploy.CareTestResource;
import care.deploy.TestTopics;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roster: citizen IDs validated, never stored or shown in plain text, one employer at a time. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class StaffRosterTest {

    @Inject
    Register register;
    @Inject
    Db db;

    /** A fresh valid ID born in 1980–1999 in 五华区, so tests never collide with each other's people. */
    static String newCitizenId() {
        var r = ThreadLocalRandom.current();
        return Identifiers.completeCitizenId("530102" + (1980 + r.nextInt(20)) + "%02d%02d%03d"
                .formatted(1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000)));
    }

    static String staff(String name, String citizenId, String grade, String number, String from, String until) {
        return """
                {"name":"%s","role":"ELDERLY_CAREGIVER","citizenId":%s,"certificateType":"养老护理员职业技能等级证书",
                 "certificateGrade":%s,"certificateNumber":%s,"certificateIssuedOn":"2022-05-10",
                 "certificateValidUntil":null,"employedFrom":"%s","employedUntil":%s}
                """.formatted(name, quote(citizenId), quote(grade), quote(number), from, quote(until));
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void anEntryRoundTripsMaskedAndItsIdIsNowhereInPlainText() {
        Institution home = register.elderly530102();
        String citizenId = newCitizenId();
        String body = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("王丽", citizenId, "LEVEL_4", "S53010220220001", "2024-03-01", null))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("citizenIdMasked", equalTo(citizenId.substring(0, 6) + "********" + citizenId.substring(14)))
                .body("certificateGrade", equalTo("LEVEL_4"))
                .body("certificateGradeLabel", equalTo("四级/中级工"))
                .body("employed", equalTo(true))
                .extract().asString();
        assertFalse(body.contains(citizenId));
        String staffId = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).body(body)
                .get("/api/institutions/{id}/staff", home.id).then().statusCode(200)
                .body("items.name", hasItem("王丽"))
                .body(not(containsString(citizenId)))
                .extract().path("items.find { it.name == '王丽' }.id");

        // the database holds it only encrypted and hashed: no row of any table contains it
        for (String table : new String[]{"staff", "audit_entry", "outbox_event", "institution"}) {
            assertEquals(0, db.count("select count(*) from " + table + " t where t::text like ?1", "%" + citizenId + "%"),
                    table);
        }
        assertEquals(1, db.count("select count(*) from staff where id = cast(?1 as uuid) and length(citizen_id_hash) = 64"
                + " and octet_length(citizen_id_cipher) > 18", staffId));

        // CaregiverChanged carries the keyed hash and the masked ID, never the number
        var published = TestTopics.read("registry-events", Duration.ofSeconds(15),
                r -> r.key().equals(staffId) && r.value().contains("CaregiverChanged"));
        assertEquals(1, published.size());
        String event = published.get(0).value();
        assertFalse(event.contains(citizenId));
        assertTrue(event.matches("(?s).*\"personKey\":\"[0-9a-f]{64}\".*"), event);
        assertTrue(event.contains("\"maskedCitizenId\":\"" + citizenId.substring(0, 6) + "********"), event);
        assertTrue(event.contains("\"certificateGrade\":\"LEVEL_4\""), event);
    }

    @Test
    void invalidEntriesAreRefusedFieldByFieldAndNothingIsStored() {
        Institution home = register.elderly530102();
        String valid = newCitizenId();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        long before = db.count("select count(*) from staff where institution_id = ?1", home.id);
        long eventsBefore = db.count("select count(*) from outbox_event where type = 'CaregiverChanged'");

        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("李强", wrongCheck, null, null, "2024-03-01", null))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("citizenId"))
                .body(not(containsString(wrongCheck)));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("李强", valid, "LEVEL_3", null, "2024-03-01", "2023-01-01"))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(400)
                .body("violations.field", hasItem("certificateNumber"))
                .body("violations.field", hasItem("employedUntil"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("李强", null, null, null, "2024-03-01", null))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(400)
                .body("violations[0].field", equalTo("citizenId"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("李强", valid, "LEVEL_9", "S1", "2024-03-01", null))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(400);
        // someone born in 2015 cannot have started work in 2024
        String child = Identifiers.completeCitizenId("53010220150101123");
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("小明", child, null, null, "2024-03-01", null))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(400)
                .body("violations[0].field", equalTo("citizenId"));

        assertEquals(before, db.count("select count(*) from staff where institution_id = ?1", home.id));
        assertEquals(eventsBefore, db.count("select count(*) from outbox_event where type = 'CaregiverChanged'"));
    }

    @Test
    void aPersonWorksForOneInstitutionAtATimeAndKeepsOnePersonKeyAcrossThem() {
        Institution first = register.elderly530102();
        Institution second = register.elderly530103();
        String citizenId = newCitizenId();
        var created = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("赵敏", citizenId, "LEVEL_5", "S53010220220002", "2023-01-01", null))
                .post("/api/institutions/{id}/staff", first.id).then().statusCode(201).extract();
        String staffId = created.path("id");

        // the same person at the same institution twice: refused (at another institution meanwhile, the county
        // decides: StaffDisputesTest)
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("赵敏", citizenId, null, null, "2024-01-01", null))
                .post("/api/institutions/{id}/staff", first.id).then().statusCode(409)
                .body("code", equalTo("DUPLICATE_STAFF"))
                .body(not(containsString(citizenId)));

        // a stale If-Match is refused; ending the first employment with the current one frees the person
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(staff("赵敏", null, "LEVEL_5", "S53010220220002", "2023-01-01", "2024-12-31"))
                .put("/api/institutions/{id}/staff/{staffId}", first.id, staffId).then().statusCode(409)
                .body("code", equalTo("CONCURRENT_MODIFICATION"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(staff("赵敏", null, "LEVEL_5", "S53010220220002", "2023-01-01", "2024-12-31"))
                .put("/api/institutions/{id}/staff/{staffId}", first.id, staffId).then().statusCode(200)
                .body("employedUntil", equalTo("2024-12-31")).body("employed", equalTo(false))
                .header("ETag", equalTo("\"1\""));
        String movedId = given().auth().oauth2(Tokens.of("inst-elderly-530103")).contentType(ContentType.JSON)
                .body(staff("赵敏", citizenId.toLowerCase(), "LEVEL_4", "S53010320250001", "2025-01-01", null))
                .post("/api/institutions/{id}/staff", second.id).then().statusCode(201)
                .body("status", equalTo("ACTIVE")).extract().path("id");

        var keys = db.strings("select citizen_id_hash from staff where id in (cast(?1 as uuid), cast(?2 as uuid))",
                staffId, movedId);
        assertEquals(2, keys.size());
        assertEquals(keys.get(0), keys.get(1), "one person, one personKey");
        assertEquals(2, db.events("CaregiverChanged", staffId).size(), "added, then ended");
    }

    @Test
    void onlyTheInstitutionKeepsItsRosterAndOthersSeeItMaskedOrNotAtAll() {
        Institution home = register.elderly530102();
        String entry = staff("周艳", newCitizenId(), null, null, "2024-03-01", null);
        given().auth().oauth2(Tokens.of("inst-childcare")).contentType(ContentType.JSON).body(entry)
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON).body(entry)
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON).body(entry)
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("auditor-530100")).contentType(ContentType.JSON).body(entry)
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(entry)
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(401);

        for (String reader : new String[]{"mz-530102", "admin-530100", "auditor-530100"}) {
            given().auth().oauth2(Tokens.of(reader)).get("/api/institutions/{id}/staff", home.id).then()
                    .statusCode(200).body("items.citizenIdMasked.every { it ==~ /\\d{6}\\*{8}\\d{3}[\\dX]/ }", equalTo(true));
        }
        for (String outsider : new String[]{"mz-530103", "wj-530102", "admin-530300", "inst-elderly-530103"}) {
            given().auth().oauth2(Tokens.of(outsider)).get("/api/institutions/{id}/staff", home.id).then()
                    .statusCode(404);
        }
    }
}
