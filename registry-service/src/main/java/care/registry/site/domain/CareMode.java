package care.registry.site.domain;

/** How a 托育 site takes children. */
public enum CareMode {
    FULL_DAY("全日托"),
    HALF_DAY("半日托"),
    HOURLY("计时托"),
    TEMPORARY("临时托");

    public final String label;

    CareMode(String label) {
        this.label = label;
    }
}
