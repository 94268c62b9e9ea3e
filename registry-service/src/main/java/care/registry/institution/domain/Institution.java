package care.registry.institution.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
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

/** A 养老机构 or 托育机构 in the register, identified by its 统一社会信用代码. */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    public UUID id;

    public String uscc;
    public String name;
    /** The name's characters and character pairs, computed by the database for the directory's text search. */
    @Column(name = "name_grams", insertable = false, updatable = false)
    public String[] nameGrams;

    @Enumerated(EnumType.STRING)
    public Sector sector;

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
    /** Beds or 托位 filed over all sites. */
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "filing_status")
    public FilingStatus filingStatus;
    @Column(name = "filing_number")
    public String filingNumber;
    @Column(name = "filed_on")
    public LocalDate filedOn;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    /** Approval day and receipt of the filing whose facts this record holds: an older one is not applied. */
    @Column(name = "facts_filed_on")
    public LocalDate factsFiledOn;
    @Column(name = "facts_receipt")
    public String factsReceipt;

    /** 普惠: designated inclusive-price. */
    public boolean inclusive;
    /** 示范: designated demonstration institution. */
    public boolean demonstration;
    /** The credit level (信用) set by the latest supervision record that gave one. */
    @Column(name = "credit_level")
    public String creditLevel;

    /** Operational contacts, kept by the institution itself. */
    @Column(name = "contact_person")
    public String contactPerson;
    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
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
