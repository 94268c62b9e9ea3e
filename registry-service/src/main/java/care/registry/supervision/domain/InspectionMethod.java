package care.registry.supervision.domain;

public enum InspectionMethod {
    RANDOM("双随机抽查"),
    ANNUAL("年度现场检查"),
    FILING_CHECK("备案后核查"),
    COMPLAINT("投诉举报核查"),
    SPECIAL("专项检查");

    public final String label;

    InspectionMethod(String label) {
        this.label = label;
    }
}
