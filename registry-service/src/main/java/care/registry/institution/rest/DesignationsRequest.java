package care.registry.institution.rest;

import care.registry.institution.service.Designations;
import jakarta.validation.constraints.NotNull;

/** 普惠 and 示范 designations, set by the competent department or the city admin. */
public record DesignationsRequest(@NotNull Boolean inclusive, @NotNull Boolean demonstration) {

    /** Both are present once Bean Validation has passed the request. */
    public Designations toDesignations() {
        return new Designations(inclusive, demonstration);
    }
}
