package care.registry.indicator.service;

import care.registry.indicator.domain.Measure;
import care.registry.indicator.service.RegisterHistory.InstitutionState;
import care.registry.indicator.service.RegisterHistory.SiteState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What each institution (and each of its sites) adds to a measure's numerator and denominator on a day. An area's
 * figure is the sum of its institutions' lines, so the drill-down of a figure sums to it by construction.
 */
final class Contributions {

    private Contributions() {
    }

    /** One institution's part; {@code denominator} null where the denominator is a population or there is none. */
    record Line(UUID institutionId, String name, String countyCode, long numerator, Long denominator,
                List<SitePart> sites) {
    }

    record SitePart(UUID siteId, String name, boolean breakdown, long numerator, Long denominator) {
    }

    /**
     * The lines of a measure on a day. {@code baseline} holds the institutions counted on the baseline day, for 新增:
     * an institution closed since then adds its former capacity negatively, one new since then all of it.
     */
    static List<Line> of(Measure m, List<InstitutionState> day, List<InstitutionState> baseline) {
        if (m.isIncrease()) {
            return increase(m, day, baseline);
        }
        List<Line> lines = new ArrayList<>();
        for (InstitutionState i : day) {
            if (i.sector() != m.sector) {
                continue;
            }
            switch (m) {
                case BEDS_PER_THOUSAND_AGED -> lines.add(bySite(i, s -> s.beds(), null));
                case NURSING_BED_SHARE -> lines.add(bySite(i, SiteState::nursingBeds, SiteState::beds));
                case INCLUSIVE_BED_SHARE -> lines.add(bySite(i, SiteState::inclusiveOrSafetyNetBeds, SiteState::beds));
                case SOCIAL_WORKERS_PER_HUNDRED_BEDS -> {
                    Line beds = bySite(i, s -> 0, SiteState::beds);
                    lines.add(new Line(i.id(), i.name(), i.countyCode(), i.socialWorkers(), beds.denominator(),
                            beds.sites()));
                }
                case SLOTS_PER_THOUSAND_PEOPLE -> lines.add(bySite(i, SiteState::slots, null));
                case INCLUSIVE_SLOT_SHARE -> lines.add(bySite(i, SiteState::inclusiveSlots, SiteState::slots));
                case CHILDCARE_CERTIFIED_SHARE -> lines.add(whole(i, i.certifiedStaff(), (long) i.staff()));
                case DEMONSTRATION_INCLUSIVE_CHILDCARE -> {
                    if (i.demonstration() && i.inclusive()) {
                        lines.add(whole(i, 1, null));
                    }
                }
                case HEAD_COLLEGE_SHARE -> lines.add(whole(i, Boolean.TRUE.equals(i.headCollege()) ? 1 : 0, 1L));
                case INCLUSIVE_CHILDCARE_SHARE -> lines.add(whole(i, i.inclusive() ? 1 : 0, 1L));
                default -> throw new IllegalStateException("no lines for " + m);
            }
        }
        return lines;
    }

    private static List<Line> increase(Measure m, List<InstitutionState> day, List<InstitutionState> baseline) {
        java.util.function.ToIntFunction<SiteState> size = m == Measure.NEW_BEDS ? SiteState::beds : SiteState::slots;
        Map<UUID, InstitutionState> then = RegisterHistory.byId(baseline);
        Map<UUID, Line> lines = new LinkedHashMap<>();
        for (InstitutionState i : day) {
            if (i.sector() != m.sector) {
                continue;
            }
            InstitutionState before = then.remove(i.id());
            Map<UUID, Integer> sitesBefore = new LinkedHashMap<>();
            if (before != null) {
                before.sites().forEach(s -> sitesBefore.put(s.id(), size.applyAsInt(s)));
            }
            List<SitePart> parts = new ArrayList<>();
            long sum = 0;
            for (SiteState s : i.sites()) {
                long diff = size.applyAsInt(s) - sitesBefore.getOrDefault(s.id(), 0);
                sitesBefore.remove(s.id());
                parts.add(new SitePart(s.id(), s.name(), s.breakdown(), diff, null));
                sum += diff;
            }
            for (var gone : sitesBefore.entrySet()) {
                parts.add(new SitePart(gone.getKey(), null, false, -gone.getValue(), null));
                sum -= gone.getValue();
            }
            lines.put(i.id(), new Line(i.id(), i.name(), i.countyCode(), sum, null, parts));
        }
        for (InstitutionState closed : then.values()) {
            if (closed.sector() != m.sector) {
                continue;
            }
            List<SitePart> parts = closed.sites().stream().map(s -> new SitePart(s.id(), s.name(), s.breakdown(),
                    -size.applyAsInt(s), null)).toList();
            lines.put(closed.id(), new Line(closed.id(), closed.name(), closed.countyCode(),
                    parts.stream().mapToLong(SitePart::numerator).sum(), null, parts));
        }
        return List.copyOf(lines.values());
    }

    private static Line bySite(InstitutionState i, java.util.function.ToIntFunction<SiteState> numerator,
                               java.util.function.ToIntFunction<SiteState> denominator) {
        List<SitePart> parts = new ArrayList<>();
        long num = 0;
        long den = 0;
        for (SiteState s : i.sites()) {
            int n = numerator.applyAsInt(s);
            Long d = denominator == null ? null : (long) denominator.applyAsInt(s);
            parts.add(new SitePart(s.id(), s.name(), s.breakdown(), n, d));
            num += n;
            den += d == null ? 0 : d;
        }
        return new Line(i.id(), i.name(), i.countyCode(), num, denominator == null ? null : den, parts);
    }

    private static Line whole(InstitutionState i, long numerator, Long denominator) {
        return new Line(i.id(), i.name(), i.countyCode(), numerator, denominator, List.of());
    }
}
