package care.subsidy.grant.domain;

import java.util.UUID;

/**
 * Rate × beds/托位 filed after the version's baseline and not yet subsidised.
 *
 * @param programmeCode which per-unit programme (建设补贴, 运营补贴, 以奖代补 …); null: the only one of the
 *                      institution's city and sector
 */
public record CapacityDecision(UUID institutionId, String programmeCode, String reason) {
}
