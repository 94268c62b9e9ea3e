package care.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static care.e2e.Platform.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Through the gateway, as the issue was reported: a draft withdrawn before it was ever submitted is in no list but
 * the institution's own, while a filing withdrawn after submission is in the county reviewer's, the city admin's
 * and the auditor's.
 */
class WithdrawnDraftListTest {

    static Fixtures fixtures;

    @BeforeAll
    static void platform() {
        Platform.stack();
        fixtures = Platform.fixtures();
    }

    @Test
    void aNeverSubmittedWithdrawnDraftIsInNoListButTheInstitutions() {
        String draft = fixtures.fresh("withdrawnDraft");
        String withdrawn = fixtures.fresh("withdrawnFiling");
        as("inst-elderly", "GET", "/api/filings?status=WITHDRAWN&size=200", null).statusCode(200)
                .body("id", hasItem(draft)).body("id", hasItem(withdrawn));
        for (String staff : List.of("mz-530102", "admin-530100", "auditor-530100")) {
            as(staff, "GET", "/api/filings?status=WITHDRAWN&size=200", null).statusCode(200)
                    .body("id", not(hasItem(draft))).body("id", hasItem(withdrawn));
        }
    }
}
