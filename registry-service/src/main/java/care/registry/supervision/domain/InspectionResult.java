package care.registry.supervision.domain;

public enum InspectionResult {
    PASSED("合格"),
    RECTIFY("责令整改"),
    PENALISED("行政处罚"),
    FAILED("不合格");

    public final String label;

    InspectionResult(String label) {
        this.label = label;
    }
}
