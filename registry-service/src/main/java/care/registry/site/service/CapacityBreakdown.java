package care.registry.site.service;

import care.registry.site.domain.CareMode;
import care.registry.site.domain.ServiceOffered;

import java.util.Set;

/**
 * What an institution keeps about one site: beds (养老) or 托位 (托育), services offered, occupancy and the township.
 * {@link SiteCapacityService} checks it as a whole against the site's sector and filed capacity.
 */
public record CapacityBreakdown(Beds beds, Slots slots, Set<ServiceOffered> services, Integer occupied,
                                String townshipCode) {

    /** 床位. */
    public record Beds(Integer total, Integer nursing, Integer inclusive, Integer safetyNet, Integer medical) {
    }

    /** 托位: 乳儿班 (6–12 months), 托小班 (12–24), 托大班 (24–36). */
    public record Slots(Integer total, Integer inclusive, Integer infant, Integer toddler, Integer older,
                        Set<CareMode> careModes) {
    }
}
