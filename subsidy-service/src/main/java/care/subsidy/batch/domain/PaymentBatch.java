package care.subsidy.batch.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One run of a programme for a city and month: its entitlements as payment instructions, reviewed then released. */
@Entity
@Table(name = "payment_batch")
public class PaymentBatch {

    @Id
    public UUID id;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    public String programmeCode;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String period;
    public int seq;
    @Enumerated(EnumType.STRING)
    public BatchStatus status;
    public int total;
    public int processed;
    public int lineCount;
    public long amountFen;
    public String createdBy;
    public Instant createdAt;
    public Instant heartbeatAt;
    public Instant generatedAt;
    public String reviewedBy;
    public Instant reviewedAt;
    public String reviewNote;
    public String releasedBy;
    public Instant releasedAt;
    public String failure;
    @Version
    public int version;
}
