package care.registry.site.rest;

import care.registry.site.domain.CareMode;
import care.registry.site.domain.ServiceOffered;
import care.registry.site.service.CapacityBreakdown;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Set;

/**
 * What an institution keeps about one site: beds (养老) or 托位 (托育), services offered, occupancy and the township.
 * Parts never exceed their total, the total never exceeds the filed capacity (growing needs a 变更备案).
 */
public record CapacityRequest(
        @Valid Beds beds,
        @Valid Slots slots,
        Set<@NotNull ServiceOffered> services,
        @Min(0) @Max(100000) Integer occupied,
        @Pattern(regexp = "\\d{9}", message = "乡镇（街道）代码应为9位数字") String townshipCode) {

    public CapacityBreakdown toBreakdown() {
        return new CapacityBreakdown(beds == null ? null : beds.toBeds(), slots == null ? null : slots.toSlots(),
                services, occupied, townshipCode);
    }

    /** 床位. */
    public record Beds(
            @NotNull @Min(0) @Max(100000) Integer total,
            @Min(0) @Max(100000) Integer nursing,
            @Min(0) @Max(100000) Integer inclusive,
            @Min(0) @Max(100000) Integer safetyNet,
            @Min(0) @Max(100000) Integer medical) {

        CapacityBreakdown.Beds toBeds() {
            return new CapacityBreakdown.Beds(total, nursing, inclusive, safetyNet, medical);
        }
    }

    /** 托位: 乳儿班 (6–12 months), 托小班 (12–24), 托大班 (24–36). */
    public record Slots(
            @NotNull @Min(0) @Max(100000) Integer total,
            @Min(0) @Max(100000) Integer inclusive,
            @Min(0) @Max(100000) Integer infant,
            @Min(0) @Max(100000) Integer toddler,
            @Min(0) @Max(100000) Integer older,
            Set<@NotNull CareMode> careModes) {

        CapacityBreakdown.Slots toSlots() {
            return new CapacityBreakdown.Slots(total, inclusive, infant, toddler, older, careModes);
        }
    }
}
