package care.filing.filing.rest;

import care.filing.filing.service.Correction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** 补正: what the applicant must correct, item by item (a material of the checklist or a field), and why. */
public record ReturnRequest(
        @Size(max = 2000) String comment,
        @NotEmpty(message = "退回补正须列明需补正的材料或字段") @Size(max = 50) List<@Valid Item> items) {

    /** Exactly one of {@code material} (a checklist code) and {@code field} (a field of the filing). */
    public record Item(@Size(max = 40) String material, @Size(max = 40) String field,
                       @NotBlank(message = "须说明补正理由") @Size(max = 500) String reason) {
    }

    /** Items stay in their places, a missing one as null, so that what is refused names the item's index. */
    Correction toCorrection() {
        return new Correction(comment, items == null ? null : items.stream()
                .map(i -> i == null ? null : new Correction.Item(i.material(), i.field(), i.reason())).toList());
    }
}
