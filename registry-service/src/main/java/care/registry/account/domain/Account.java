package care.registry.account.domain;

import care.contracts.event.Sector;
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
 * An account the platform made in Keycloak, with what the platform decided about it: its role and the records it is
 * bound to (the token claims uscc, sector, division_code, city_code are copied from here, never typed by a user).
 */
@Entity
public class Account {

    @Id
    public UUID id;
    /** The Keycloak user's id; null only between this row's insert and the user's creation in one transaction. */
    public String keycloakId;
    public String username;
    public String fullName;
    @Enumerated(EnumType.STRING)
    public AccountKind kind;
    /**
     * The realm role it holds while enabled: registrant for a pending registration of a USCC the platform did not know
     * (it may file its NEW), institution once confirmed (and for a pending one of a known USCC, which is disabled).
     */
    public String role;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String uscc;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String divisionCode;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    /** The institution's first confirmed account: invites and removes the institution's other operators. */
    public boolean administrator;
    @Enumerated(EnumType.STRING)
    public AccountStatus status;
    public Instant createdAt;
    public String createdBy;
    @Version
    public long version;
}
