package care.registry.indicator.domain;

import care.contracts.event.Sector;

/**
 * How the register computes a target's figure. A ratio is numerator ÷ denominator × {@code factor}; a count has no
 * denominator; {@code population} names the population the denominator is (null: counted in the register).
 */
public enum Measure {
    /** 养老床位 ÷ 60岁及以上人口 × 1000. */
    BEDS_PER_THOUSAND_AGED(Sector.ELDERLY, 1000, PopulationKind.AGED_60_PLUS, "养老床位", "60岁及以上人口"),
    /** 护理型床位 ÷ 养老床位 × 100. */
    NURSING_BED_SHARE(Sector.ELDERLY, 100, null, "护理型床位", "养老床位"),
    /** (兜底线 + 普惠性床位) ÷ 养老床位 × 100. */
    INCLUSIVE_BED_SHARE(Sector.ELDERLY, 100, null, "兜底线和普惠性床位", "养老床位"),
    /** 在岗社会工作者 ÷ 养老床位 × 100. */
    SOCIAL_WORKERS_PER_HUNDRED_BEDS(Sector.ELDERLY, 100, null, "在岗社会工作者", "养老床位"),
    /** 养老床位 now − at the baseline day. */
    NEW_BEDS(Sector.ELDERLY, 0, null, "新增养老床位", null),
    /** 托位 ÷ 常住人口 × 1000. */
    SLOTS_PER_THOUSAND_PEOPLE(Sector.CHILDCARE, 1000, PopulationKind.RESIDENT, "托位", "常住人口"),
    /** 普惠托位 ÷ 托位 × 100. */
    INCLUSIVE_SLOT_SHARE(Sector.CHILDCARE, 100, null, "普惠托位", "托位"),
    /** 持有效证书的在岗人员 ÷ 在岗人员 (托育机构) × 100. */
    CHILDCARE_CERTIFIED_SHARE(Sector.CHILDCARE, 100, null, "持证在岗人员", "在岗人员"),
    /** 托位 now − at the baseline day. */
    NEW_SLOTS(Sector.CHILDCARE, 0, null, "新增托位", null),
    /** 托育机构 designated both 示范 and 普惠. */
    DEMONSTRATION_INCLUSIVE_CHILDCARE(Sector.CHILDCARE, 0, null, "示范性普惠托育机构", null),
    /** 托育机构 whose head (负责人) has 大专及以上 ÷ 托育机构 × 100 (one without a recorded head does not count). */
    HEAD_COLLEGE_SHARE(Sector.CHILDCARE, 100, null, "负责人大专及以上学历的托育机构", "托育机构"),
    /** 普惠托育机构 ÷ 托育机构 × 100. */
    INCLUSIVE_CHILDCARE_SHARE(Sector.CHILDCARE, 100, null, "普惠托育机构", "托育机构");

    public final Sector sector;
    /** 100 for a share, 1000 per thousand, 0 for a count (no denominator). */
    public final int factor;
    public final PopulationKind population;
    public final String numeratorLabel;
    public final String denominatorLabel;

    Measure(Sector sector, int factor, PopulationKind population, String numeratorLabel, String denominatorLabel) {
        this.sector = sector;
        this.factor = factor;
        this.population = population;
        this.numeratorLabel = numeratorLabel;
        this.denominatorLabel = denominatorLabel;
    }

    public boolean isCount() {
        return factor == 0;
    }

    /** 新增: counted against the baseline day. */
    public boolean isIncrease() {
        return this == NEW_BEDS || this == NEW_SLOTS;
    }
}
