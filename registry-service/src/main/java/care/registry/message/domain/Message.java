package care.registry.message.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to an institution (消息中心): a filing accepted, returned, approved or refused, a registration confirmed
 * or refused. Read by the institution's accounts, or by the one account {@code recipientId} names if the reader is a
 * registrant not yet confirmed (registry's Access). Its delivery by the notifier is kept on the same row.
 */
@Entity
public class Message {

    @Id
    public UUID id;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String uscc;
    public String recipientId;
    @Enumerated(EnumType.STRING)
    public MessageKind kind;
    public UUID filingId;
    public UUID registrationId;
    public String title;
    public String body;
    public Instant createdAt;
    public Instant readAt;
    public String readBy;
    public String phone;
    public String email;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus deliveryStatus;
    public int deliveryAttempts;
    public Instant nextDeliveryAt;
    public String deliveryError;
    public Instant deliveredAt;
    @Version
    public long version;
}
