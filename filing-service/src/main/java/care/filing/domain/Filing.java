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
import java.time.LocalDate;
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
    /** 护理型床位 among the beds this filing states (capacity; ADD_SITE: siteCapacity); null: not stated. */
    @Column(name = "nursing_beds")
    public Integer nursingBeds;
    /** The filing states beds: NEW and ADD_SITE, a CHANGE giving capacity or nursingBeds (改扩建). */
    @Column(name = "states_beds")
    public boolean statesBeds;

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
    /** Written only by {@link FilingRepository#issueReceipt}, in the statement that takes the county's counter. */
    @Column(name = "receipt_number", insertable = false, updatable = false)
    public String receiptNumber;

    /** ADD_SITE: the new 经营场所 (same county as the institution, seed 000 §25). */
    @Column(name = "site_name")
    public String siteName;
    @Column(name = "site_address")
    public String siteAddress;
    @Column(name = "site_capacity")
    public Integer siteCapacity;
    /** CLOSE: why the institution stops. */
    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "returned_at")
    public Instant returnedAt;
    /** The last working day for a decision, counted from the latest (re)submission. */
    @Column(name = "due_on")
    public LocalDate dueOn;
    /** The latest 补正 items as JSON (material or field, and why). */
    @Column(name = "return_items")
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
