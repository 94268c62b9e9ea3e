package care.registry.indicator.domain;

/** The population figures the per-thousand targets divide by. */
public enum PopulationKind {
    RESIDENT("常住人口"),
    AGED_60_PLUS("60岁及以上常住人口"),
    UNDER_3("3岁以下婴幼儿");

    public final String label;

    PopulationKind(String label) {
        this.label = label;
    }
}
