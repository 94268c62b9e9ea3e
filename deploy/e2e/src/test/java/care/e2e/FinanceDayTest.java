package care.e2e;

import care.apiclient.ApiClient;
import care.apiclient.ApiException;
import care.apiclient.ApiResponse;
import care.apiclient.api.BatchesApi;
import care.apiclient.api.FinanceApi;
import care.apiclient.model.BatchResponse;
import care.apiclient.model.BulkResultRequest;
import care.apiclient.model.BulkResultResponse;
import care.apiclient.model.FinanceInstruction;
import care.apiclient.model.BulkResultItem;
import care.apiclient.model.Outcome;
import care.apiclient.model.PageFinanceInstruction;
import care.apiclient.model.Reconciliation;
import care.apiclient.model.ResultRequest;
import care.apiclient.model.ReversalRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static care.e2e.Fixtures.FINANCE_COUNTY;
import static care.e2e.Fixtures.FINANCE_PEOPLE;
import static care.e2e.Fixtures.FINANCE_PERIOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The finance bureau's day, with nothing but the client generated from the platform's OpenAPI document (api-client)
 * and a client-credentials token: the released batches, the instructions page by page, results one by one and as a
 * day file with Idempotency-Keys, a retry after the connection dropped, a bank's return (退汇), the reconciliation.
 * If the client cannot say a step, the document is wrong.
 */
class FinanceDayTest {

    static UUID batch;

    /** Kunming's nursing allowance for August 2026 to five caregivers, released (made by Fixtures, see there why). */
    @BeforeAll
    static void releasedBatch() {
        batch = UUID.fromString(Platform.fixtures().shared("releasedBatch"));
    }

    /** The client as the bureau's system configures it: the gateway's address and its client-credentials token. */
    private static ApiClient client(Duration readTimeout) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(URI.create(Platform.stack().gatewayUrl()).toString());
        String token = Platform.token("finance-kunming");
        return client.setReadTimeout(readTimeout)
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @Test
    void theFinanceBureausDayThroughTheGeneratedClient() throws Exception {
        FinanceApi finance = new FinanceApi(client(Duration.ofSeconds(30)));

        BatchResponse released = finance.listReleasedBatches(0, 200).stream()
                .filter(b -> b.getId().equals(batch)).findFirst().orElseThrow();
        assertEquals(FINANCE_PERIOD, released.getPeriod());

        // page through what is still to pay, two at a time
        List<FinanceInstruction> ours = new ArrayList<>();
        int page = 0;
        PageFinanceInstruction instructions;
        long total;
        do {
            instructions = finance.listReleasedInstructions(batch, page++, 2, "RELEASED");
            total = instructions.getTotalItems();
            instructions.getItems().stream().filter(i -> i.getDivisionCode().equals(FINANCE_COUNTY)).forEach(ours::add);
        } while ((long) page * 2 < total);
        assertEquals(FINANCE_PEOPLE, ours.size());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // one result, its answer lost (the connection drops before the answer comes), then retried with the same key
        FinanceInstruction first = ours.get(0);
        ResultRequest paid = new ResultRequest().outcome(Outcome.PAID).amountFen(first.getAmountFen())
                .bankReference("BANK-" + first.getInstructionId().toString().substring(0, 8)).paidOn(today);
        String key = "finance-day-" + first.getInstructionId();
        FinanceApi impatient = new FinanceApi(client(Duration.ofMillis(1)));
        assertThrows(ApiException.class, () -> impatient.postResult(first.getInstructionId(), key, paid));
        ApiResponse<FinanceInstruction> retried = finance.postResultWithHttpInfo(first.getInstructionId(), key, paid);
        assertEquals(200, retried.getStatusCode());
        assertEquals("PAID", retried.getData().getStatus());
        ApiResponse<FinanceInstruction> again = finance.postResultWithHttpInfo(first.getInstructionId(), key, paid);
        assertEquals(List.of("true"), again.getHeaders().get("idempotency-replayed"), "a retry replays the answer");

        // the rest as a day file: three paid, one failed, each with its own key; the file posted twice
        List<BulkResultItem> items = new ArrayList<>();
        for (FinanceInstruction instruction : ours.subList(1, FINANCE_PEOPLE)) {
            boolean fails = instruction == ours.get(FINANCE_PEOPLE - 1);
            items.add(new BulkResultItem().instructionId(instruction.getInstructionId())
                    .idempotencyKey("finance-day-file-" + instruction.getInstructionId())
                    .outcome(fails ? Outcome.FAILED : Outcome.PAID).amountFen(instruction.getAmountFen())
                    .bankReference(fails ? null : "FILE-" + instruction.getInstructionId().toString().substring(0, 8))
                    .paidOn(fails ? null : today).reason(fails ? "收款账户已销户" : null));
        }
        BulkResultResponse file = finance.postResults(new BulkResultRequest().results(items));
        assertEquals(List.of(FINANCE_PEOPLE - 1, 0, 0),
                List.of(file.getApplied(), file.getReplayed(), file.getRefused()));
        BulkResultResponse resent = finance.postResults(new BulkResultRequest().results(items));
        assertEquals(List.of(0, FINANCE_PEOPLE - 1, 0),
                List.of(resent.getApplied(), resent.getReplayed(), resent.getRefused()));
        assertEquals("FAILED", finance.getInstruction(ours.get(FINANCE_PEOPLE - 1).getInstructionId()).getStatus());

        // the bank returns the first payment (退汇)
        FinanceInstruction returned = finance.postReversal(first.getInstructionId(), "finance-day-return-1",
                new ReversalRequest().amountFen(first.getAmountFen()).reason("收款账户已冻结").returnedOn(today));
        assertEquals("REVERSED", returned.getStatus());
        assertEquals("收款账户已冻结", returned.getReversalReason());

        // a second result for a paid instruction under a new key is refused as problem+json
        ApiException conflict = assertThrows(ApiException.class, () -> finance.postResult(
                ours.get(1).getInstructionId(), "finance-day-second", paid.amountFen(ours.get(1).getAmountFen())));
        assertEquals(409, conflict.getCode());
        assertTrue(conflict.getResponseBody().contains("\"code\""), conflict.getResponseBody());

        Reconciliation reconciliation = new BatchesApi(client(Duration.ofSeconds(30))).reconcileBatch(batch);
        assertEquals(Boolean.TRUE, reconciliation.getBalanced());
        assertEquals(1L, reconciliation.getReversedCount());
        assertTrue(reconciliation.getFailedCount() >= 1);
        assertTrue(reconciliation.getPaidCount() >= FINANCE_PEOPLE - 2);
    }
}
