package care.registry.supervision.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A supervision record: an inspection with its result, any penalty and the credit level it sets. */
@Entity
@Table(name = "inspection")
public class Inspection {

    @Id
    public UUID id;
    public UUID institutionId;
    public LocalDate inspectedOn;
    @Enumerated(EnumType.STRING)
    public InspectionMethod method;
    public String inspectorOrg;
    @Enumerated(EnumType.STRING)
    public InspectionResult result;
    public String findings;
    public String penalty;
    public long fineFen;
    @Enumerated(EnumType.STRING)
    public CreditLevel creditLevel;
    /** 一公开: shown in the public directory. */
    public boolean disclosed;
    public String recordedBy;
    public Instant recordedAt;
}
