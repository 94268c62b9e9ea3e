package care.filing.filing.service;

import java.util.List;

/**
 * 补正: what a reviewer asks the applicant to correct, item by item, and an optional comment. An item names a
 * checklist material or a field of the filing (exactly one) and why; {@link FilingService} checks that it does.
 */
public record Correction(String comment, List<Item> items) {

    public record Item(String material, String field, String reason) {
    }
}
