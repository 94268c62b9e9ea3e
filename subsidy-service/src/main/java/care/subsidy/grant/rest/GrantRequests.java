package care.subsidy.grant.rest;

import care.subsidy.grant.domain.CapacityDecision;
import care.subsidy.grant.domain.DemonstrationDecision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.UUID;

public final class GrantRequests {

    private GrantRequests() {
    }

    /** 卫健 decides the grant of a 示范性 childcare institution (seed 000 §20). */
    public record Demonstration(@NotNull UUID institutionId,
                                @NotNull @Positive Long amountFen,
                                @NotBlank @Size(max = 500) String reason,
                                @NotBlank @Size(max = 60) String decisionNumber) {

        DemonstrationDecision command() {
            return new DemonstrationDecision(institutionId, amountFen, reason, decisionNumber);
        }
    }

    /**
     * Rate × beds/托位 filed after the programme version's baseline and not yet subsidised.
     *
     * @param programmeCode the per-unit programme; may be left out when the city has one for the sector
     */
    public record Capacity(@NotNull UUID institutionId,
                           @Size(max = 40) String programmeCode,
                           @NotBlank @Size(max = 500) String reason) {

        CapacityDecision command() {
            return new CapacityDecision(institutionId, programmeCode, reason);
        }
    }
}
