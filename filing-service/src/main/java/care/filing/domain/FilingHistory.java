package care.filing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of a filing's audit trail: who did what, when, from which status to which, and why. */
@Entity
@Table(name = "filing_history")
public class FilingHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "filing_id")
    public UUID filingId;
    public Instant at;
    public String actor;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public FilingStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public FilingStatus toStatus;
    public String comment;
}
