package care.registry.indicator.service;

import care.registry.indicator.domain.Measure;
import care.registry.indicator.service.RegisterHistory.InstitutionState;
import care.registry.indicator.service.RegisterHistory.SiteState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

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
     * The lines of a measure on a day, for a drill-down. {@code baseline} holds the institutions counted on the
     * baseline day, for 新增.
     */
    static List<Line> of(Measure m, List<InstitutionState> day, List<InstitutionState> baseline) {
        Map<UUID, InstitutionState> then = RegisterHistory.byId(m.isIncrease() ? baseline : List.of());
        List<Line> lines = new ArrayList<>();
        for (InstitutionState i : day) {
            addIfAny(lines, line(m, i, then.remove(i.id())));
        }
        for (InstitutionState closed : then.values()) {
            addIfAny(lines, line(m, null, closed));
        }
        return lines;
    }

    /**
     * One institution's line of a measure on a day, or null where it adds nothing to it. {@code now}: the institution
     * that day, null when it was not counted then; {@code before}: the same on the baseline day, read for 新增 only.
     */
    static Line line(Measure m, InstitutionState now, InstitutionState before) {
        if (m.isIncrease()) {
            return increase(m, now, before);
        }
        if (now == null || now.sector() != m.sector) {
            return null;
        }
        return switch (m) {
            case BEDS_PER_THOUSAND_AGED -> bySite(now, SiteState::beds, null);
            case NURSING_BED_SHARE -> bySite(now, SiteState::nursingBeds, SiteState::beds);
            case INCLUSIVE_BED_SHARE -> bySite(now, SiteState::inclusiveOrSafetyNetBeds, SiteState::beds);
            case SOCIAL_WORKERS_PER_HUNDRED_BEDS -> {
                Line beds = bySite(now, s -> 0, SiteState::beds);
                yield new Line(now.id(), now.name(), now.countyCode(), now.socialWorkers(), beds.denominator(),
                        beds.sites());
            }
            case SLOTS_PER_THOUSAND_PEOPLE -> bySite(now, SiteState::slots, null);
            case INCLUSIVE_SLOT_SHARE -> bySite(now, SiteState::inclusiveSlots, SiteState::slots);
            case CHILDCARE_CERTIFIED_SHARE -> whole(now, now.certifiedStaff(), (long) now.staff());
            case DEMONSTRATION_INCLUSIVE_CHILDCARE -> now.demonstration() && now.inclusive() ? whole(now, 1, null)
                    : null;
            case HEAD_COLLEGE_SHARE -> whole(now, Boolean.TRUE.equals(now.headCollege()) ? 1 : 0, 1L);
            case INCLUSIVE_CHILDCARE_SHARE -> whole(now, now.inclusive() ? 1 : 0, 1L);
            default -> throw new IllegalStateException("no lines for " + m);
        };
    }

    /**
     * 新增 since the baseline day: an institution closed since then takes off its former capacity, one new since then
     * adds all of it, and one counted on both days the difference of each of its sites.
     */
    private static Line increase(Measure m, InstitutionState now, InstitutionState before) {
        ToIntFunction<SiteState> size = m == Measure.NEW_BEDS ? SiteState::beds : SiteState::slots;
        if (now == null) {
            if (before == null || before.sector() != m.sector) {
                return null;
            }
            List<SitePart> parts = before.sites().stream().map(s -> new SitePart(s.id(), s.name(), s.breakdown(),
                    -size.applyAsInt(s), null)).toList();
            return new Line(before.id(), before.name(), before.countyCode(),
                    parts.stream().mapToLong(SitePart::numerator).sum(), null, parts);
        }
        if (now.sector() != m.sector) {
            return null;
        }
        Map<UUID, Integer> sitesBefore = new LinkedHashMap<>();
        if (before != null) {
            before.sites().forEach(s -> sitesBefore.put(s.id(), size.applyAsInt(s)));
        }
        List<SitePart> parts = new ArrayList<>();
        long sum = 0;
        for (SiteState s : now.sites()) {
            long diff = size.applyAsInt(s) - sitesBefore.getOrDefault(s.id(), 0);
            sitesBefore.remove(s.id());
            parts.add(new SitePart(s.id(), s.name(), s.breakdown(), diff, null));
            sum += diff;
        }
        for (var gone : sitesBefore.entrySet()) {
            parts.add(new SitePart(gone.getKey(), null, false, -gone.getValue(), null));
            sum -= gone.getValue();
        }
        return new Line(now.id(), now.name(), now.countyCode(), sum, null, parts);
    }

    private static void addIfAny(List<Line> lines, Line line) {
        if (line != null) {
            lines.add(line);
        }
    }

    private static Line bySite(InstitutionState i, ToIntFunction<SiteState> numerator,
                               ToIntFunction<SiteState> denominator) {
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
