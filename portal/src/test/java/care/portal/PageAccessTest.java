package care.portal;

import care.portal.client.RegistryClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each role is offered only the pages it can act on; the others answer 403 when typed. */
class PageAccessTest {

    static User user(String name, String role, String division) {
        return new User(true, name, name, Set.of(role), Map.of("division_code", division));
    }

    static final User CLERK = user("inst-childcare", "institution", "530102");
    static final User REVIEWER = user("mz-530102", "civil-affairs-reviewer", "530102");
    static final User ADMIN = user("admin-530100", "city-admin", "530100");
    static final User AUDITOR = user("auditor-530100", "auditor", "530100");

    @Test
    void onlyTheInstitutionKeepsItsFilingsSitesAndRoster() {
        for (String page : List.of("/portal/filings", "/portal/filings/new", "/portal/sites", "/portal/sites/abc",
                "/portal/staff", "/portal/staff/abc/leave", "/portal/staff/abc/edit", "/portal/staff/export.xlsx",
                "/portal/staff/import", "/portal/staff/import-template.xlsx")) {
            assertTrue(CLERK.mayOpen(page), page);
            for (User other : List.of(REVIEWER, ADMIN, AUDITOR)) {
                assertFalse(other.mayOpen(page), other.username() + " " + page);
            }
        }
    }

    @Test
    void aFilingsOwnPageIsOpenToBothSidesTheApiDecidesWhose() {
        for (User u : List.of(CLERK, REVIEWER, ADMIN, AUDITOR)) {
            assertTrue(u.mayOpen("/portal/filings/0b7d4c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e"), u.username());
            assertTrue(u.mayOpen("/portal/"), u.username());
        }
    }

    @Test
    void theReviewQueueBatchesAndIndicatorsAreNotAnInstitutions() {
        for (String page : List.of("/portal/review", "/portal/batches", "/portal/grants", "/portal/indicators",
                "/portal/disputes/x")) {
            assertFalse(CLERK.mayOpen(page), page);
            assertTrue(ADMIN.mayOpen(page) && AUDITOR.mayOpen(page) && REVIEWER.mayOpen(page), page);
        }
    }

    @Test
    void anInstitutionWithNothingFiledMayStartOnlyANewFilingAndAFiledOneOnlyTheOthers() {
        assertEquals(List.of("NEW"), FilingPages.startable(null));
        assertEquals(List.of("NEW"), FilingPages.startable(new RegistryClient.InstitutionSummary("x", "x", "CLOSED")));
        assertEquals(List.of("CHANGE", "ADD_SITE", "CLOSE"),
                FilingPages.startable(new RegistryClient.InstitutionSummary("x", "x", "FILED")));
    }
}
