package care.filing.filing.rest;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.contracts.validation.CountyCode;
import care.contracts.validation.Uscc;
import care.filing.filing.domain.FilingType;
import care.filing.filing.service.FilingDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A filing as the institution fills it in (it starts as a draft, and may be edited while a draft or returned).
 * Which fields are required depends on the type:
 * <ul>
 *   <li>NEW: sector, institutionName, kind, ownership, divisionCode, address, legalRepresentative, contactPhone,
 *       capacity (the first 经营场所 is the institution's address);</li>
 *   <li>CHANGE: any of the institution fields; those left out stay as filed; the county cannot change
 *       (moving to another county is a CLOSE here and a NEW there);</li>
 *   <li>ADD_SITE: siteAddress and siteCapacity (siteName defaults to the institution's name);</li>
 *   <li>CLOSE: closeReason.</li>
 * </ul>
 * {@code nursingBeds} (养老 only): the 护理型床位 among the beds stated (capacity; ADD_SITE: siteCapacity); a reviewer
 * is shown where a plan sets a share (filing/review-flags.tsv).
 * For CHANGE, ADD_SITE and CLOSE the institution must be filed (an approved NEW of this USCC, not closed since).
 */
public record FilingRequest(
        @NotNull FilingType type,
        Sector sector,
        @NotNull @Uscc String uscc,
        @Size(max = 200) String institutionName,
        InstitutionKind kind,
        Ownership ownership,
        @CountyCode String divisionCode,
        @Size(max = 300) String address,
        @Size(max = 60) String legalRepresentative,
        @Pattern(regexp = "^[0-9+\\-() ]{7,20}$", message = "联系电话格式无效") String contactPhone,
        @PositiveOrZero @Max(value = 20000, message = "床位/托位数超出合理范围") Integer capacity,
        @Size(max = 200) String siteName,
        @Size(max = 300) String siteAddress,
        @PositiveOrZero @Max(value = 20000, message = "床位/托位数超出合理范围") Integer siteCapacity,
        @Size(max = 2000) String closeReason,
        @PositiveOrZero @Max(value = 20000, message = "床位/托位数超出合理范围") Integer nursingBeds) {

    FilingDraft toDraft() {
        return new FilingDraft(type, sector, uscc, institutionName, kind, ownership, divisionCode, address,
                legalRepresentative, contactPhone, capacity, siteName, siteAddress, siteCapacity, closeReason,
                nursingBeds);
    }
}
