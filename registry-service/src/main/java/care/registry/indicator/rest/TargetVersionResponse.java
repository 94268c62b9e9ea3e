package care.registry.indicator.rest;

import care.registry.indicator.domain.IndicatorTarget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One version of a target as recorded: the figure, its source, who recorded it and when. */
public record TargetVersionResponse(String code, int version, String name, String measure, String notMeasuredReason,
                                    String direction, BigDecimal targetValue, String unit, LocalDate targetOn,
                                    LocalDate baselineOn, String scope, String sourceDocument, String sourceSection,
                                    String sourceSentence, LocalDate effectiveFrom, String recordedBy,
                                    Instant recordedAt) {

    public static TargetVersionResponse of(IndicatorTarget t) {
        return new TargetVersionResponse(t.code, t.version, t.name, t.measure == null ? null : t.measure.name(),
                t.notMeasuredReason, t.direction, t.targetValue, t.unit, t.targetOn, t.baselineOn, t.scope,
                t.sourceDocument, t.sourceSection, t.sourceSentence, t.effectiveFrom, t.recordedBy, t.recordedAt);
    }
}
