package care.registry.staff.domain;

/** Highest completed education, as the roster records it for an institution's head (负责人). */
public enum Education {
    JUNIOR_SECONDARY_OR_BELOW("初中及以下"),
    SENIOR_SECONDARY("高中或中专"),
    JUNIOR_COLLEGE("大专"),
    BACHELOR("本科"),
    POSTGRADUATE("研究生");

    public final String label;

    Education(String label) {
        this.label = label;
    }

    /** 大专及以上 (Qujing's target for childcare heads, seed 001 二（二）). */
    public boolean collegeOrAbove() {
        return compareTo(JUNIOR_COLLEGE) >= 0;
    }
}
