package care.filing.filing.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** One line of a filing's audit trail: who did what, when, from which status to which, and why. */
@Entity
public class FilingHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID filingId;
    public Instant at;
    public String actor;
    public String action;
    @Enumerated(EnumType.STRING)
    public FilingStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public FilingStatus toStatus;
    public String comment;
}
