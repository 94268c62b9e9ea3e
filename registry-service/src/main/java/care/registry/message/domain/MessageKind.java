package care.registry.message.domain;

/** What a message tells; its Chinese title is the one a person reads. */
public enum MessageKind {
    FILING_ACCEPTED("备案已受理"),
    FILING_RETURNED("备案退回补正"),
    FILING_APPROVED("准予备案"),
    FILING_REJECTED("不予备案"),
    REGISTRATION_CONFIRMED("机构注册已确认"),
    REGISTRATION_REFUSED("机构注册未通过");

    public final String title;

    MessageKind(String title) {
        this.title = title;
    }
}
