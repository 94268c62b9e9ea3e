package care.subsidy.readmodel;

import care.deploy.CareTestResource;
import care.deploy.TestTopics;
import care.deploy.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "subsidy"))
class RegistryEventsConsumerTest {

    static String registered(UUID eventId, UUID institutionId, String uscc, String county) {
        return """
                {"eventId":"%s","type":"InstitutionRegistered","schemaVersion":1,"occurredAt":"2026-11-20T02:00:00Z",
                 "aggregateId":"%s","cityCode":"530100","divisionCode":"%s",
                 "payload":{"institutionId":"%s","uscc":"%s","name":"官渡区福寿园","sector":"ELDERLY",
                   "kind":"PRIVATE_CARE_HOME","ownership":"PRIVATE","cityCode":"530100","divisionCode":"%s",
                   "filingNumber":"%s-2026-000001","filedOn":"2026-11-20"}}
                """.formatted(eventId, institutionId, county, institutionId, uscc, county, county);
    }

    @Test
    void registeredInstitutionsReachTheReadModelOnceAndOnlyTheirAreaSeesThem() {
        UUID institutionId = UUID.randomUUID();
        String event = registered(UUID.randomUUID(), institutionId, "52530111MJC000030N", "530111");
        TestTopics.publish("registry-events", institutionId.toString(), event);
        TestTopics.publish("registry-events", institutionId.toString(), event);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("admin-530100")).get("/api/subsidy/institutions/" + institutionId)
                        .then().statusCode(200).body("ownership", equalTo("PRIVATE")));
        given().auth().oauth2(Tokens.finance()).get("/api/subsidy/institutions").then().statusCode(200)
                .body("institutionId", hasItem(institutionId.toString()));
        // a 五华区 reviewer does not see a 官渡区 institution
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/subsidy/institutions/" + institutionId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/subsidy/institutions").then().statusCode(200)
                .body("institutionId", not(hasItem(institutionId.toString())));
    }

    static String caregiver(UUID staffId, String personKey, String disputedField) {
        return """
                {"eventId":"%s","type":"CaregiverChanged","schemaVersion":1,"occurredAt":"2026-11-20T02:00:00Z",
                 "aggregateId":"%s","cityCode":"530100","divisionCode":"530111",
                 "payload":{"staffId":"%s","institutionId":"%s","institutionUscc":"52530111MJC000030N",
                   "cityCode":"530100","divisionCode":"530111","personKey":"%s","name":"护理员",
                   "maskedCitizenId":"530111********123X","role":"ELDERLY_CAREGIVER","certificateGrade":"LEVEL_4",
                   "certificateNumber":"S1","certificateIssuedOn":"2024-01-01","certificateValidUntil":null,
                   "employedFrom":"2024-01-01","employedUntil":null%s}}
                """.formatted(UUID.randomUUID(), staffId, staffId, UUID.randomUUID(), personKey, disputedField);
    }

    @Test
    void aDisputedRosterEntryIsKeptAsDisputedAndAnEntryFromBeforeTheFieldAsUndisputed() {
        UUID before = UUID.randomUUID();
        UUID disputed = UUID.randomUUID();
        String person = UUID.randomUUID().toString().replace("-", "");
        TestTopics.publish("registry-events", before.toString(), caregiver(before, person, ""));
        TestTopics.publish("registry-events", disputed.toString(), caregiver(disputed, person, ",\"disputed\":true"));
        await().atMost(Duration.ofSeconds(20)).until(() -> disputedOf(before) != null && disputedOf(disputed) != null);
        org.junit.jupiter.api.Assertions.assertEquals(Boolean.FALSE, disputedOf(before));
        org.junit.jupiter.api.Assertions.assertEquals(Boolean.TRUE, disputedOf(disputed));
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    private Boolean disputedOf(UUID staffId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "select disputed from caregiver where staff_id = ?1").setParameter(1, staffId)
                .getResultStream().findFirst().orElse(null));
    }

    static String changed(UUID institutionId, String uscc, String occurredAt, String name, String effectiveOn,
                          int capacity) {
        return """
                {"eventId":"%s","type":"InstitutionChanged","schemaVersion":1,"occurredAt":"%s",
                 "aggregateId":"%s","cityCode":"530100","divisionCode":"530111",
                 "payload":{"institutionId":"%s","uscc":"%s","name":"%s","sector":"ELDERLY",
                   "kind":"PRIVATE_CARE_HOME","ownership":"PRIVATE","cityCode":"530100","divisionCode":"530111",
                   "filingStatus":"FILED","effectiveOn":"%s","totalCapacity":%d,"inclusive":false,
                   "demonstration":false}}
                """.formatted(UUID.randomUUID(), occurredAt, institutionId, institutionId, uscc, name, effectiveOn,
                capacity);
    }

    @Test
    void anOlderChangeDeliveredAfterANewerOneLeavesTheNewerFactsAndIsKeptOnlyAsEarlierHistory() {
        UUID id = UUID.randomUUID();
        String uscc = "52530111MJC000031L";
        String key = id.toString();
        TestTopics.publish("registry-events", key, registered(UUID.randomUUID(), id, uscc, "530111")); // 11-20 02:00
        TestTopics.publish("registry-events", key,
                changed(id, uscc, "2026-11-25T02:00:00Z", "官渡区福寿园（新名）", "2026-11-25", 80));
        // delivered late: changes that occurred before the one above, and the registration again as a new event
        TestTopics.publish("registry-events", key,
                changed(id, uscc, "2026-11-22T02:00:00Z", "官渡区福寿园（旧名）", "2026-11-22", 50));
        TestTopics.publish("registry-events", key,
                changed(id, uscc, "2026-11-24T02:00:00Z", "官渡区福寿园（同日旧名）", "2026-11-25", 60));
        TestTopics.publish("registry-events", key, registered(UUID.randomUUID(), id, uscc, "530111")
                .replace("2026-11-20T02:00:00Z", "2026-11-20T01:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> states(id).size() == 3);

        org.junit.jupiter.api.Assertions.assertEquals(List.of("官渡区福寿园（新名）", "2026-11-25", 80),
                one("select name, effective_on::text, total_capacity from institution_view where institution_id = ?1",
                        id));
        // the state on a day between the changes is the older change's; from the newer one's day, the newer's
        org.junit.jupiter.api.Assertions.assertEquals(List.of("2026-11-20 0", "2026-11-22 50", "2026-11-25 80"),
                states(id));
    }

    private List<Object> one(String sql, UUID id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery(sql).setParameter(1, id).getSingleResult();
            return List.of(row).stream().map(v -> v instanceof Number n ? (Object) n.intValue() : v).toList();
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> states(UUID id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select effective_on::text || ' ' || total_capacity from institution_state"
                                + " where institution_id = ?1 order by effective_on, seq").setParameter(1, id)
                .getResultList());
    }

    @Test
    void institutionsAndAnonymousCallersAreRefused() {
        given().get("/api/subsidy/institutions").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/subsidy/institutions").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }
}
