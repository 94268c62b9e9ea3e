package care.registry.supervision.domain;

import jakarta.persistence.Column;
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
    @Column(name = "institution_id")
    public UUID institutionId;
    @Column(name = "inspected_on")
    public LocalDate inspectedOn;
    @Enumerated(EnumType.STRING)
    public InspectionMethod method;
    @Column(name = "inspector_org")
    public String inspectorOrg;
    @Enumerated(EnumType.STRING)
    public InspectionResult result;
    public String findings;
    public String penalty;
    @Column(name = "fine_fen")
    public long fineFen;
    @Enumerated(EnumType.STRING)
    @Column(name = "credit_level")
    public CreditLevel creditLevel;
    /** 一公开: shown in the public directory. */
    public boolean disclosed;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
