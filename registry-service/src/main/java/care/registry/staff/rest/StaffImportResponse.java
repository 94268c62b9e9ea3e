package care.registry.staff.rest;

import java.util.List;

/**
 * What an import added: {@code added} entries in all, {@code disputed} of them waiting for the county (DISPUTED,
 * as a single add would record them), and the entries themselves, citizen IDs masked.
 */
public record StaffImportResponse(int added, int disputed, List<StaffResponse> items) {
}
