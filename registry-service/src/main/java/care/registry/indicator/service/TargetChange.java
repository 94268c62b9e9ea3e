package care.registry.indicator.service;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new version of a measured target, as a city admin enters it: the figure, its dates and the source that sets it
 * (a later document, section and sentence). Everything else is kept from the version before.
 */
public record TargetChange(BigDecimal targetValue, LocalDate targetOn, LocalDate baselineOn, LocalDate effectiveFrom,
                           String sourceDocument, String sourceSection, String sourceSentence) {
}
