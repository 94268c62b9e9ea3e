package care.filing.filing.domain;

import care.contracts.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One 备案 application, from draft to outcome. */
@Entity
public class Filing {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public FilingType type;

    @Enumerated(EnumType.STRING)
    public FilingStatus status;

    @JdbcTypeCode(SqlTypes.CHAR)
    public String uscc;
    /** The institution as this filing declares it: for CHANGE, ADD_SITE and CLOSE what is filed, with the changes. */
    @Embedded
    public InstitutionFacts institution;
    /** 护理型床位 among the beds this filing states (capacity; ADD_SITE: siteCapacity); null: not stated. */
    public Integer nursingBeds;
    /** The filing states beds: NEW and ADD_SITE, a CHANGE giving capacity or nursingBeds (改扩建). */
    public boolean statesBeds;

    public String applicant;
    /** The applicant's Keycloak user id (token sub); null for filings made before it was kept. */
    public String applicantId;
    public Instant createdAt;
    public Instant submittedAt;
    public Instant decidedAt;
    public String decidedBy;
    public String decisionComment;
    /** Written only by {@link FilingRepository#issueReceipt}, in the statement that takes the county's counter. */
    @Column(insertable = false, updatable = false)
    public String receiptNumber;

    /** ADD_SITE: the new 经营场所 (same county as the institution, seed 000 §25). */
    public String siteName;
    public String siteAddress;
    public Integer siteCapacity;
    /** CLOSE: why the institution stops. */
    public String closeReason;

    public Instant firstSubmittedAt;
    public Instant acceptedAt;
    public Instant returnedAt;
    /** The last working day for a decision, counted from the latest (re)submission. */
    public LocalDate dueOn;
    /** The latest 补正 items as JSON (material or field, and why). */
    public String returnItems;

    @Version
    public long version;

    /** Moves to {@code target} or refuses with 409 ILLEGAL_TRANSITION; the state machine is {@link FilingStatus}. */
    public void moveTo(FilingStatus target) {
        if (!status.canMoveTo(target)) {
            throw ProblemException.conflict("ILLEGAL_TRANSITION", "当前状态（" + status.label + "）不允许此操作",
                    "a filing in status " + status + " cannot become " + target + "; allowed next: " + status.next());
        }
        status = target;
    }
}
