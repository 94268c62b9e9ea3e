package care.contracts.event;

/** 举办性质: who owns and who runs the institution (the nursing allowance is for 民办 only, seed 000 §19). */
public enum Ownership {
    PUBLIC("公办"),
    PRIVATE("民办"),
    PUBLIC_BUILT_PRIVATE_RUN("公建民营"),
    PRIVATE_WITH_PUBLIC_AID("民办公助");

    public final String label;

    Ownership(String label) {
        this.label = label;
    }
}
