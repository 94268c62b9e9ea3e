package care.subsidy.batch.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One run of a programme for a city and month: its entitlements as payment instructions, reviewed then released. */
@Entity
@Table(name = "payment_batch")
public class PaymentBatch {

    @Id
    public UUID id;
    @Column(name = "city_code")
    public String cityCode;
    @Column(name = "programme_code")
    public String programmeCode;
    public String period;
    public int seq;
    @Enumerated(EnumType.STRING)
    public BatchStatus status;
    public int total;
    public int processed;
    @Column(name = "line_count")
    public int lineCount;
    @Column(name = "amount_fen")
    public long amountFen;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    @Column(name = "generated_at")
    public Instant generatedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "review_note")
    public String reviewNote;
    @Column(name = "released_by")
    public String releasedBy;
    @Column(name = "released_at")
    public Instant releasedAt;
    public String failure;
    @Version
    public int version;
}
