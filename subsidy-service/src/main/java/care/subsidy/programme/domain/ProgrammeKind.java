package care.subsidy.programme.domain;

public enum ProgrammeKind {
    /** monthly, per certified caregiver, amount by grade (rate keys = CertificateGrade names) */
    NURSING_ALLOWANCE,
    /** one decision per institution and year, amount decided case by case up to max_amount_fen */
    DEMONSTRATION_GRANT,
    /** rate (rate key PER_UNIT) × beds/托位 filed since the last capacity subsidy */
    CAPACITY_SUBSIDY;

    public boolean monthly() {
        return this == NURSING_ALLOWANCE;
    }
}
