package care.registry.institution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A 养老机构 or 托育机构 in the register, identified by its 统一社会信用代码. */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    public UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    public String uscc;
    /** What its filings say: name, sector, kind, ownership, county, address, legal representative. */
    @Embedded
    public InstitutionFacts facts;
    /** The name's characters and character pairs, computed by the database for the directory's text search. */
    @Column(insertable = false, updatable = false)
    public String[] nameGrams;

    /** Filed with the facts, and changed by the institution between filings. */
    public String contactPhone;
    /** Beds or 托位 filed over all sites. */
    public int capacity;

    @Enumerated(EnumType.STRING)
    public FilingStatus filingStatus;
    public String filingNumber;
    public LocalDate filedOn;
    public LocalDate closedOn;
    /** Approval day and receipt of the filing whose facts this record holds: an older one is not applied. */
    public LocalDate factsFiledOn;
    public String factsReceipt;

    /** 普惠: designated inclusive-price. */
    public boolean inclusive;
    /** 示范: designated demonstration institution. */
    public boolean demonstration;
    /** The credit level (信用) set by the latest supervision record that gave one. */
    public String creditLevel;

    /** Operational contacts, kept by the institution itself. */
    public String contactPerson;
    public String contactEmail;

    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether the filing approved on {@code day} with {@code receipt} is newer than the facts held. */
    public boolean olderFactsThan(LocalDate day, String receipt) {
        if (factsFiledOn == null) {
            return true;
        }
        int byDay = day.compareTo(factsFiledOn);
        return byDay > 0 || byDay == 0 && receipt != null && (factsReceipt == null || receipt.compareTo(factsReceipt) > 0);
    }
}
