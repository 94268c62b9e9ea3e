package care.subsidy.programme.rest;

import care.subsidy.programme.domain.Calculation;
import care.subsidy.programme.domain.ProgrammeKind;

/** A kind of programme a city may configure, with the sentence of the plan that names it. */
public record KindResponse(String code, String name, Calculation calculation, String document, String section,
                           String sentence) {

    static KindResponse of(ProgrammeKind k) {
        return new KindResponse(k.code, k.name, k.calculation, k.document, k.section, k.sentence);
    }
}
