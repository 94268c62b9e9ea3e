package care.filing.rules;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.problem.Violation;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.FilingType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Conditions the plans state about what is filed, as data with their source sentence: which 举办性质 a kind may have
 * ({@code filing/kind-ownership.tsv}, a contradiction is refused) and what a reviewer must be shown
 * ({@code filing/review-flags.tsv}, e.g. Qujing's 护理型床位 ≥ 50% for 公办 养老机构, a flag, never a refusal).
 */
@ApplicationScoped
public class FilingRules {

    /** The sentence a rule rests on. */
    public record Source(String document, String section, String sentence) {
    }

    /** The 举办性质 a kind may have. */
    public record KindOwnership(InstitutionKind kind, Set<Ownership> ownerships, Source source) {
    }

    /** A condition a reviewer is shown on a filing. */
    public record FlagRule(String code, String cityCode, Set<Ownership> ownerships, Set<InstitutionKind> kinds,
                           Set<FilingType> types, int minPercent, Source source) {
    }

    /** What the reviewer sees: the rule, what the filing states against it, and the sentence. */
    public record Flag(String code, String message, String document, String section, String sentence) {
    }

    private final Map<InstitutionKind, KindOwnership> kindOwnerships = new EnumMap<>(InstitutionKind.class);
    private final List<FlagRule> flagRules = new ArrayList<>();

    public FilingRules() {
        for (String[] row : Tsv.read("filing/kind-ownership.tsv", 5)) {
            KindOwnership rule = new KindOwnership(InstitutionKind.valueOf(row[0]), set(Ownership.class, row[1]),
                    new Source(row[2], row[3], row[4]));
            if (kindOwnerships.put(rule.kind(), rule) != null) {
                throw new IllegalStateException("kind-ownership.tsv lists " + rule.kind() + " twice");
            }
        }
        for (String[] row : Tsv.read("filing/review-flags.tsv", 9)) {
            if (!"NURSING_BED_SHARE".equals(row[0])) {
                throw new IllegalStateException("review-flags.tsv: unknown rule " + row[0]);
            }
            flagRules.add(new FlagRule(row[0], row[1], set(Ownership.class, row[2]), set(InstitutionKind.class, row[3]),
                    set(FilingType.class, row[4]), Integer.parseInt(row[5]), new Source(row[6], row[7], row[8])));
        }
    }

    public List<KindOwnership> kindOwnerships() {
        return List.copyOf(kindOwnerships.values());
    }

    public List<FlagRule> flagRules() {
        return List.copyOf(flagRules);
    }

    /** A kind filed with a 举办性质 it cannot have, as a violation of {@code ownership} quoting the rule. */
    public List<Violation> contradictions(InstitutionKind kind, Ownership ownership) {
        KindOwnership rule = kind == null || ownership == null ? null : kindOwnerships.get(kind);
        if (rule == null || rule.ownerships().contains(ownership)) {
            return List.of();
        }
        return List.of(new Violation("ownership", "机构类型“" + kind.label + "”的举办性质只能是"
                + rule.ownerships().stream().map(o -> o.label).collect(Collectors.joining("、")) + "，不能是"
                + ownership.label + "（" + rule.source().document() + " " + rule.source().section() + "："
                + rule.source().sentence() + "）"));
    }

    /** The flags a reviewer sees on this filing. */
    public List<Flag> flags(Filing f) {
        List<Flag> flags = new ArrayList<>();
        for (FlagRule rule : flagRules) {
            if (!rule.cityCode().equals(f.institution.cityCode()) || !rule.ownerships().contains(f.institution.ownership())
                    || !rule.kinds().contains(f.institution.kind()) || !rule.types().contains(f.type)) {
                continue;
            }
            Integer beds = f.type == FilingType.ADD_SITE ? f.siteCapacity : Integer.valueOf(f.institution.capacity());
            if (f.type == FilingType.CHANGE && !f.statesBeds) {
                continue; // a change that states no beds is no 改扩建
            }
            if (beds == null || beds == 0) {
                continue;
            }
            String what = f.type == FilingType.ADD_SITE ? "新增场所床位" : "床位";
            if (f.nursingBeds == null) {
                flags.add(flag(rule, "未填写护理型床位数，无法核对护理型床位占比（" + what + " " + beds + " 张）"));
            } else if (f.nursingBeds * 100L < (long) rule.minPercent() * beds) {
                flags.add(flag(rule, "护理型床位 " + f.nursingBeds + " 张，占" + what + " " + beds + " 张的 "
                        + (f.nursingBeds * 100 / beds) + "%，低于 " + rule.minPercent() + "%"));
            }
        }
        return flags;
    }

    private static Flag flag(FlagRule rule, String message) {
        return new Flag(rule.code(), message, rule.source().document(), rule.source().section(),
                rule.source().sentence());
    }

    private static <E extends Enum<E>> Set<E> set(Class<E> type, String cells) {
        Set<E> values = EnumSet.noneOf(type);
        Arrays.stream(cells.split(",")).map(String::strip).forEach(c -> values.add(Enum.valueOf(type, c)));
        return values;
    }
}
