package care.registry.demo;

import care.contracts.event.Sector;
import care.contracts.validation.Identifiers;
import care.registry.institution.domain.Institution;
import care.registry.institution.service.Designations;
import care.registry.institution.service.FilingOutcomeService.InstitutionFirstRegistered;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo register's 普惠 and 示范: the directory's two filters must find some of it, as they would in a city. */
class DemoDesignationsTest {

    @Test
    void aShareOfTheRegisterIsInclusiveAndAFewAreDemonstrationAlwaysTheSameOnes() {
        int inclusive = 0;
        int demonstration = 0;
        for (int n = 0; n < 600; n++) {
            String uscc = Identifiers.completeUscc("91530102DM" + "%07d".formatted(n));
            Designations d = DemoDesignations.of(uscc, n % 2 == 0 ? Sector.CHILDCARE : Sector.ELDERLY);
            assertEquals(d, DemoDesignations.of(uscc, n % 2 == 0 ? Sector.CHILDCARE : Sector.ELDERLY), uscc);
            inclusive += d.inclusive() ? 1 : 0;
            demonstration += d.demonstration() ? 1 : 0;
        }
        assertTrue(inclusive > 180 && inclusive < 320, "普惠 " + inclusive + " of 600");
        assertTrue(demonstration > 20 && demonstration < 90, "示范 " + demonstration + " of 600");
    }

    @Test
    void noneAtRegistrationWhenTheSettingSaysSo() {
        // without a service to call: designating would throw (deploy/bench sets care.demo.on-registration=false)
        InstitutionFirstRegistered registered = new InstitutionFirstRegistered(new Institution());
        new DemoDesignations(true, false, null).onRegistered(registered);
        new DemoDesignations(false, true, null).onRegistered(registered);
        new DemoRoster(true, false, null, null).onRegistered(registered);
    }
}
