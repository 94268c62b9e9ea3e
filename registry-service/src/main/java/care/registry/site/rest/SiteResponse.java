package care.registry.site.rest;

import care.contracts.division.Divisions;
import care.registry.site.domain.CareMode;
import care.registry.site.domain.ServiceOffered;
import care.registry.site.domain.Site;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A site with its capacity: public facts only (the directory shows it as is). */
public record SiteResponse(
        UUID id,
        boolean main,
        String name,
        String divisionCode,
        String divisionName,
        String townshipCode,
        String address,
        String filingNumber,
        int filedCapacity,
        Beds beds,
        Slots slots,
        List<Label> services,
        Integer occupied,
        long version) {

    public record Beds(Integer total, Integer nursing, Integer inclusive, Integer safetyNet, Integer medical) {
    }

    public record Slots(Integer total, Integer inclusive, Integer infant, Integer toddler, Integer older,
                        List<Label> careModes) {
    }

    public record Label(String code, String label) {
    }

    public static SiteResponse of(Site s) {
        Beds beds = s.bedsTotal == null ? null
                : new Beds(s.bedsTotal, s.bedsNursing, s.bedsInclusive, s.bedsSafetyNet, s.bedsMedical);
        Slots slots = s.slotsTotal == null ? null
                : new Slots(s.slotsTotal, s.slotsInclusive, s.slotsInfant, s.slotsToddler, s.slotsOlder,
                split(s.careModes).map(m -> new Label(m, CareMode.valueOf(m).label)).toList());
        return new SiteResponse(s.id, s.main, s.name, s.divisionCode,
                Divisions.find(s.divisionCode).map(Divisions.Division::name).orElse(null), s.townshipCode, s.address,
                s.filingNumber, s.filedCapacity, beds, slots,
                split(s.services).map(v -> new Label(v, ServiceOffered.valueOf(v).label)).toList(), s.occupied, s.version);
    }

    private static java.util.stream.Stream<String> split(String joined) {
        return joined == null || joined.isEmpty() ? java.util.stream.Stream.empty() : Arrays.stream(joined.split(","));
    }
}
