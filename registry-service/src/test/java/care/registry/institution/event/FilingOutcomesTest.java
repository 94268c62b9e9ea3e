package care.registry.institution.event;

import care.deploy.CareTestResource;
import care.registry.institution.domain.FilingStatus;
import care.registry.institution.domain.Institution;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static care.registry.support.Register.approved;
import static care.registry.support.Register.site;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each filing type applied once, however often delivered, and older filings never overwrite newer facts. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class FilingOutcomesTest {

    static final String USCC = "52530111MJC000030N";
    static final String COUNTY = "530111";

    @Inject
    Register register;
    @Inject
    Db db;

    private String event(String type, String receipt, LocalDate day, String name, String address, int capacity,
                         String site) {
        return approved(UUID.randomUUID(), UUID.randomUUID(), type, receipt, day, USCC, name, "ELDERLY",
                "PRIVATE_CARE_HOME", "PRIVATE", COUNTY, address, capacity, site);
    }

    @Test
    void newChangeAddSiteAndCloseEachApplyOnceInAnyDeliveryOrder() {
        assertTrue(care.contracts.validation.Identifiers.isValidUscc(USCC), "test USCC");
        String created = event("NEW", "530111-2026-000001", LocalDate.of(2026, 1, 5), "官渡区松鹤养老院",
                "官渡区春城路1号", 90, site("官渡区松鹤养老院", COUNTY, "官渡区春城路1号", 90));
        register.deliver(created);
        register.deliver(created);
        Institution institution = register.find(USCC);
        assertEquals(FilingStatus.FILED, institution.filingStatus);
        assertEquals("530111-2026-000001", institution.filingNumber);
        assertEquals(90, institution.capacity);
        assertEquals(1, register.sitesOf(institution.id).size());
        String aggregate = institution.id.toString();
        assertEquals(1, db.events("InstitutionRegistered", aggregate).size());

        // 变更备案: new name and address, delivered twice → applied once, one InstitutionChanged
        String change = event("CHANGE", "530111-2026-000002", LocalDate.of(2026, 2, 1), "官渡区松鹤颐养院",
                "官渡区关上路8号", 90, null);
        register.deliver(change);
        register.deliver(change);
        institution = register.find(USCC);
        assertEquals("官渡区松鹤颐养院", institution.facts.name);
        assertEquals("官渡区关上路8号", institution.facts.address);
        assertEquals("官渡区关上路8号", register.sitesOf(institution.id).get(0).address, "the main site moves along");
        assertEquals(1, db.events("InstitutionChanged", aggregate).size());

        // an older change arriving late (a replay) does not overwrite the newer facts
        register.deliver(event("CHANGE", "530111-2026-000000", LocalDate.of(2026, 1, 20), "旧名称", "旧地址", 90, null));
        assertEquals("官渡区松鹤颐养院", register.find(USCC).facts.name);
        assertEquals(1, db.events("InstitutionChanged", aggregate).size());

        // 增加经营场所: a second site in the same county, delivered twice → one site, capacity summed
        String addSite = event("ADD_SITE", "530111-2026-000003", LocalDate.of(2026, 3, 1), "官渡区松鹤颐养院",
                "官渡区关上路8号", 40, site("松鹤颐养院金马分院", COUNTY, "官渡区金马路20号", 40));
        register.deliver(addSite);
        register.deliver(addSite);
        institution = register.find(USCC);
        assertEquals(2, register.sitesOf(institution.id).size());
        assertEquals(130, institution.capacity);
        assertEquals(2, db.events("InstitutionChanged", aggregate).size());
        assertTrue(db.events("InstitutionChanged", aggregate).get(1).contains("\"totalCapacity\":130"));

        given().get("/api/directory/institutions/" + institution.id).then().statusCode(200)
                .body("sites.size()", equalTo(2)).body("capacity", equalTo(130)).body("filingStatus", equalTo("已备案"));

        // 注销备案: 已注销, out of the directory, announced once
        String close = event("CLOSE", "530111-2026-000004", LocalDate.of(2026, 4, 1), "官渡区松鹤颐养院",
                "官渡区关上路8号", 130, null);
        register.deliver(close);
        register.deliver(close);
        institution = register.find(USCC);
        assertEquals(FilingStatus.CLOSED, institution.filingStatus);
        assertEquals(LocalDate.of(2026, 4, 1), institution.closedOn);
        var changes = db.events("InstitutionChanged", aggregate);
        assertEquals(3, changes.size());
        assertTrue(changes.get(2).contains("\"filingStatus\":\"DEREGISTERED\""), changes.get(2));
        given().get("/api/directory/institutions/" + institution.id).then().statusCode(404);
        assertEquals(1, db.events("InstitutionRegistered", aggregate).size());
        assertEquals(5, db.count("select count(*) from audit_entry where institution_id = ?1 and actor = 'filing-service'",
                institution.id));
    }

    @Test
    void aChangeArrivingBeforeItsNewRegistersTheInstitutionAndTheNewKeepsTheFilingNumber() {
        String uscc = care.contracts.validation.Identifiers.completeUscc("9153011200000004" + "X");
        String change = approved(UUID.randomUUID(), UUID.randomUUID(), "CHANGE", "530112-2026-000009",
                LocalDate.of(2026, 5, 1), uscc, "西山区彩虹托育园", "CHILDCARE", "FULL_DAYCARE", "PRIVATE", "530112",
                "西山区滇池路5号", 50, null);
        String created = approved(UUID.randomUUID(), UUID.randomUUID(), "NEW", "530112-2026-000002",
                LocalDate.of(2026, 2, 1), uscc, "西山区彩虹幼托", "CHILDCARE", "FULL_DAYCARE", "PRIVATE", "530112",
                "西山区旧址1号", 50, site("西山区彩虹幼托", "530112", "西山区旧址1号", 50));
        register.deliver(change);
        register.deliver(created);
        Institution institution = register.find(uscc);
        assertNotNull(institution);
        assertEquals("西山区彩虹托育园", institution.facts.name, "the newer change's facts stay");
        assertEquals("530112-2026-000002", institution.filingNumber, "the 备案号 is the NEW filing's");
        assertEquals(LocalDate.of(2026, 2, 1), institution.filedOn);
        assertEquals(1, register.sitesOf(institution.id).size());
        assertEquals(50, institution.capacity);
        assertEquals(1, db.events("InstitutionRegistered", institution.id.toString()).size());
    }
}
