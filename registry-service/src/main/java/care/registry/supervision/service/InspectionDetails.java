package care.registry.supervision.service;

import care.registry.supervision.domain.CreditLevel;
import care.registry.supervision.domain.InspectionMethod;
import care.registry.supervision.domain.InspectionResult;

import java.time.LocalDate;

/**
 * An inspection as the city admin or the competent department records it.
 *
 * @param fineFen   fine in fen (分); null is none
 * @param disclosed published in the directory (一公开); null is true
 */
public record InspectionDetails(
        LocalDate inspectedOn,
        InspectionMethod method,
        String inspectorOrg,
        InspectionResult result,
        String findings,
        String penalty,
        Long fineFen,
        CreditLevel creditLevel,
        Boolean disclosed) {
}
