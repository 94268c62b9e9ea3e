package care.registry.indicator.rest;

import care.registry.indicator.domain.PopulationFigure;

import java.time.Instant;

/** One entered population figure, with who entered it and when; {@code demo} marks the demo stack's made-up ones. */
public record PopulationResponse(long id, String divisionCode, String kind, String kindLabel, int value,
                                 int referenceYear, String source, boolean demo, String recordedBy,
                                 Instant recordedAt) {

    public static PopulationResponse of(PopulationFigure f) {
        return new PopulationResponse(f.id, f.divisionCode, f.kind.name(), f.kind.label, f.value, f.referenceYear,
                f.source, f.demo, f.recordedBy, f.recordedAt);
    }
}
