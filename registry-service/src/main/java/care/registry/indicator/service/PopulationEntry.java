package care.registry.indicator.service;

import care.registry.indicator.domain.PopulationKind;

/** A population figure as a city admin enters it: for the city or one of its counties, of a year, with its source. */
public record PopulationEntry(String divisionCode, PopulationKind kind, int value, int referenceYear, String source) {
}
