package care.filing.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.contracts.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One 备案 application, from draft to outcome. */
@Entity
@Table(name = "filing")
public class Filing {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public FilingType type;

    @Enumerated(EnumType.STRING)
    public Sector sector;

    @Enumerated(EnumType.STRING)
    public FilingStatus status;

    public String uscc;
    @Column(name = "institution_name")
    public String institutionName;
    @Enumerated(EnumType.STRING)
    public InstitutionKind kind;
    @Enumerated(EnumType.STRING)
    public Ownership ownership;
    @Column(name = "city_code")
    public String cityCode;
    @Column(name = "division_code")
    public String divisionCode;
    public String address;
    @Column(name = "legal_representative")
    public String legalRepresentative;
    @Column(name = "contact_phone")
    public String contactPhone;
    public int capacity;

    public String applicant;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_comment")
    public String decisionComment;
    @Column(name = "receipt_number")
    public String receiptNumber;

    @Version
    public long version;

    /** Moves to {@code target} or refuses with 409 ILLEGAL_TRANSITION; the state machine is {@link FilingStatus}. */
    public void moveTo(FilingStatus target) {
        if (!status.canMoveTo(target)) {
            throw ProblemException.conflict("ILLEGAL_TRANSITION", "当前状态不允许此操作",
                    "a filing in status " + status + " cannot become " + target);
        }
        status = target;
    }
}
