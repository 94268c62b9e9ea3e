package care.contracts.event;

/**
 * 职业技能等级 of the 国家职业技能标准 (2019). LEVEL_1 is the HIGHEST grade and LEVEL_5 the lowest: compare with
 * {@link #atLeast}, never by ordinal.
 */
public enum CertificateGrade {
    LEVEL_5("五级/初级工", 1),
    LEVEL_4("四级/中级工", 2),
    LEVEL_3("三级/高级工", 3),
    LEVEL_2("二级/技师", 4),
    LEVEL_1("一级/高级技师", 5);

    public final String label;
    private final int rank;

    CertificateGrade(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public boolean atLeast(CertificateGrade other) {
        return rank >= other.rank;
    }
}
