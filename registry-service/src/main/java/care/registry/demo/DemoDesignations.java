package care.registry.demo;

import care.contracts.event.Sector;
import care.registry.institution.domain.Institution;
import care.registry.institution.service.Designations;
import care.registry.institution.service.FilingOutcomeService.InstitutionFirstRegistered;
import care.registry.institution.service.InstitutionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Demo data for the local stack ({@code care.demo=true}): 普惠 and 示范 as the competent departments would have
 * designated them, so that the directory's filters and the indicators have something to find. Without it every
 * generated institution stayed undesignated and both filters found 0 of the demo register. Chosen from the USCC, so
 * the same register always has the same designations: about half of the 托育 and a third of the 养老 institutions
 * 普惠 (Yunnan's plans aim at a majority of 普惠 托位), about one in twelve 示范.
 */
@ApplicationScoped
public class DemoDesignations {

    static final String ACTOR = "demo-designations";

    private final boolean enabled;
    private final InstitutionService institutions;

    /**
     * {@code care.demo.on-registration=false} leaves them out, as it leaves out the rosters ({@link DemoRoster}):
     * production designates later, not in the approval's transaction (in deploy/bench's approvals they took a fifth
     * of the registry's consumer time, and subsidy-service applied their InstitutionChanged events besides).
     */
    public DemoDesignations(@ConfigProperty(name = "care.demo", defaultValue = "false") boolean demo,
                            @ConfigProperty(name = "care.demo.on-registration", defaultValue = "true")
                            boolean onRegistration,
                            InstitutionService institutions) {
        this.enabled = demo && onRegistration;
        this.institutions = institutions;
    }

    void onRegistered(@Observes InstitutionFirstRegistered registered) {
        if (!enabled) {
            return;
        }
        Institution institution = registered.institution();
        institutions.designations(institution, of(institution.uscc, institution.facts.sector), null, ACTOR);
    }

    /** The designations of the institution with this USCC: the same USCC always gives the same ones. */
    static Designations of(String uscc, Sector sector) {
        long bits = UUID.nameUUIDFromBytes((uscc + "/designations").getBytes(StandardCharsets.UTF_8))
                .getLeastSignificantBits();
        int percentile = (int) Math.floorMod(bits, 100L);
        int inclusiveShare = sector == Sector.CHILDCARE ? 50 : 33;
        return new Designations(percentile < inclusiveShare, percentile % 12 == 5);
    }
}
