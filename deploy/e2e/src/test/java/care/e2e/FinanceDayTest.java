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
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.e2e.Faults.await;
import static care.e2e.Faults.count;
import static care.e2e.Faults.envelope;
import static care.e2e.Faults.publish;
import static care.e2e.Faults.uscc;
import static care.e2e.Platform.as;
import static org.hamcrest.Matchers.equalTo;
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

    static final String PERIOD = "2026-08";
    static final String COUNTY = "530181"; // 安宁市
    static final int PEOPLE = 5;

    static UUID batch;

    /** Kunming's nursing allowance for August 2026: an institution with five caregivers, generated, approved, released. */
    @BeforeAll
    static void releasedBatch() {
        Platform.fixtures().shared("batch"); // the programme's version extended past 2025 (see Fixtures)
        String institution = UUID.randomUUID().toString();
        String uscc = uscc(COUNTY, 1);
        List<ObjectNode> events = new ArrayList<>();
        Map<String, Object> registered = new HashMap<>(Map.of("institutionId", institution, "uscc", uscc,
                "name", "安宁市财政测试养老院", "sector", "ELDERLY", "kind", "PRIVATE_CARE_HOME", "ownership", "PRIVATE",
                "cityCode", "530100", "divisionCode", COUNTY, "filingNumber", COUNTY + "-2020-000001"));
        registered.putAll(Map.of("filedOn", "2020-01-01", "totalCapacity", 100));
        events.add(envelope("InstitutionRegistered", institution, "530100", COUNTY, registered, Instant.now()));
        for (int i = 0; i < PEOPLE; i++) {
            String staff = UUID.randomUUID().toString();
            Map<String, Object> entry = new HashMap<>(Map.of("staffId", staff, "institutionId", institution,
                    "institutionUscc", uscc, "cityCode", "530100", "divisionCode", COUNTY,
                    "personKey", "finance-day-" + staff, "name", "护理员" + i, "maskedCitizenId", "530181********000" + i,
                    "role", "ELDERLY_CAREGIVER", "certificateGrade", "LEVEL_4"));
            // the nursing allowance counts only the certificate types its version names (Kunming: 养老护理)
            entry.putAll(Map.of("certificateNumber", "FD" + i, "certificateIssuedOn", "2020-01-01",
                    "certificateType", "ELDERLY_CARE_SKILL", "employedFrom", "2020-01-01", "disputed", false));
            events.add(envelope("CaregiverChanged", staff, "530100", COUNTY, entry, Instant.now()));
        }
        publish("registry-events", events);
        await("the caregivers in the subsidy read model", Duration.ofSeconds(120), () -> count("subsidy",
                "select count(*) from caregiver where institution_id = ?::uuid", institution) == PEOPLE);

        String location = as("admin-530100", "POST", "/api/subsidy/batches",
                Map.of("programmeCode", "KM-NURSING", "period", PERIOD)).statusCode(202).extract().header("Location");
        batch = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        await("the batch generated", Duration.ofSeconds(90), () -> !"GENERATING".equals(
                as("admin-530100", "GET", "/api/subsidy/batches/" + batch, null).extract().path("status")));
        // EMPTY or FAILED (with its failure) says more than a timeout
        as("admin-530100", "GET", "/api/subsidy/batches/" + batch, null).log().ifValidationFails()
                .body("status", equalTo("GENERATED"));
        as("mz-530100", "POST", "/api/subsidy/batches/" + batch + "/approve", Map.of("note", "核对无误")).statusCode(200);
        as("admin2-530100", "POST", "/api/subsidy/batches/" + batch + "/release", null).statusCode(200)
                .body("status", equalTo("RELEASED"));
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
        assertEquals(PERIOD, released.getPeriod());

        // page through what is still to pay, two at a time
        List<FinanceInstruction> ours = new ArrayList<>();
        int page = 0;
        PageFinanceInstruction instructions;
        long total;
        do {
            instructions = finance.listReleasedInstructions(batch, page++, 2, "RELEASED");
            total = instructions.getTotalItems();
            instructions.getItems().stream().filter(i -> i.getDivisionCode().equals(COUNTY)).forEach(ours::add);
        } while ((long) page * 2 < total);
        assertEquals(PEOPLE, ours.size());
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
        for (FinanceInstruction instruction : ours.subList(1, PEOPLE)) {
            boolean fails = instruction == ours.get(PEOPLE - 1);
            items.add(new BulkResultItem().instructionId(instruction.getInstructionId())
                    .idempotencyKey("finance-day-file-" + instruction.getInstructionId())
                    .outcome(fails ? Outcome.FAILED : Outcome.PAID).amountFen(instruction.getAmountFen())
                    .bankReference(fails ? null : "FILE-" + instruction.getInstructionId().toString().substring(0, 8))
                    .paidOn(fails ? null : today).reason(fails ? "收款账户已销户" : null));
        }
        BulkResultResponse file = finance.postResults(new BulkResultRequest().results(items));
        assertEquals(List.of(PEOPLE - 1, 0, 0), List.of(file.getApplied(), file.getReplayed(), file.getRefused()));
        BulkResultResponse resent = finance.postResults(new BulkResultRequest().results(items));
        assertEquals(List.of(0, PEOPLE - 1, 0), List.of(resent.getApplied(), resent.getReplayed(), resent.getRefused()));
        assertEquals("FAILED", finance.getInstruction(ours.get(PEOPLE - 1).getInstructionId()).getStatus());

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
        assertTrue(reconciliation.getPaidCount() >= PEOPLE - 2);
    }
}
