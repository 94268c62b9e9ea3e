package care.subsidy.finance.rest;

import care.contracts.problem.Problem;
import care.subsidy.finance.service.FinanceInstruction;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a bulk post, one item per result in the request's order, with counts.
 *
 * @param applied  results recorded by this request
 * @param replayed items whose key had been used with the same body: the first answer, nothing recorded again
 * @param refused  items answered with a problem (nothing recorded for them)
 */
public record BulkResultResponse(int applied, int replayed, int refused, List<Item> items) {

    /**
     * @param status      what the single-result endpoint would have answered: 200, or the problem's status
     * @param instruction on 200: the instruction after the result, exactly as first answered for this key
     * @param problem     otherwise: the problem (code, Chinese title, violations)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BulkResultAnswer")
    public record Item(UUID instructionId, String idempotencyKey, int status, boolean replayed,
                       @JsonRawValue @Schema(implementation = FinanceInstruction.class) String instruction,
                       Problem problem) {
    }

    public static BulkResultResponse of(List<Item> items) {
        int applied = 0;
        int replayed = 0;
        for (Item item : items) {
            if (item.problem() == null) {
                if (item.replayed()) {
                    replayed++;
                } else {
                    applied++;
                }
            }
        }
        return new BulkResultResponse(applied, replayed, items.size() - applied - replayed, items);
    }
}
