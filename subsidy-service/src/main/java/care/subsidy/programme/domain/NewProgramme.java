package care.subsidy.programme.domain;

import care.contracts.event.Sector;

/** A programme a city configures: its kind (data) and the sentence of its plan it rests on. */
public record NewProgramme(String code, String kind, Sector sector, String name, String document, String section,
                           String sentence) {
}
