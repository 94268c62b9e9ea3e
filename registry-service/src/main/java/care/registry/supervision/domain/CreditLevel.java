package care.registry.supervision.domain;

/** 信用等级 of an institution as supervision records it. */
public enum CreditLevel {
    A("守信"),
    B("基本守信"),
    C("失信"),
    D("严重失信");

    public final String label;

    CreditLevel(String label) {
        this.label = label;
    }
}
