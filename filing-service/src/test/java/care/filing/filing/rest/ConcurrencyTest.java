package care.filing.filing.rest;

import care.deploy.CareTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static care.filing.filing.rest.FilingApi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class ConcurrencyTest {

    @Test
    void concurrentApproveAndRejectLeaveOneOutcomeAndOneEvent() throws Exception {
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区并发测试养老院"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = submitted("inst-elderly", change(ELDERLY_USCC, "并发测试" + i));
            as("mz-530102", "POST", "/api/filings/" + id + "/accept", null).statusCode(200);
            ids.add(id);
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(() -> as("mz-530102", "POST", "/api/filings/" + id + "/approve", null).extract().statusCode());
            calls.add(() -> as("mz-530102", "POST", "/api/filings/" + id + "/reject", Map.of("comment", "材料不实"))
                    .extract().statusCode());
        }
        List<Integer> statuses = run(calls);
        assertEquals(ids.size(), statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(ids.size(), statuses.stream().filter(s -> s == 409).count(), statuses.toString());

        List<ConsumerRecord<String, String>> events = events(ids, ids.size());
        assertEquals(ids.size(), events.size(), "one outcome event per filing");
        for (String id : ids) {
            String status = as("mz-530102", "GET", "/api/filings/" + id, null).extract().path("status");
            List<String> types = events.stream().filter(r -> r.value().contains(id))
                    .map(r -> new JsonPath(r.value()).getString("type")).toList();
            assertEquals(List.of(status.equals("APPROVED") ? "FilingApproved" : "FilingRejected"), types);
        }
    }

    @Test
    void receiptsHaveNoGapsOrDuplicatesUnderConcurrentApprovals() throws Exception {
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区回执测试养老院"));
        ensureFiled("inst-elderly-530103", "mz-530103",
                newFiling(ELDERLY_530103_USCC, "ELDERLY", "PRIVATE_CARE_HOME", "530103", "盘龙区回执测试养老院"));
        List<String[]> accepted = new ArrayList<>(); // {id, reviewer}
        for (int i = 0; i < 8; i++) {
            boolean wuhua = i % 2 == 0;
            String user = wuhua ? "inst-elderly" : "inst-elderly-530103";
            String reviewer = wuhua ? "mz-530102" : "mz-530103";
            String id = submitted(user, change(wuhua ? ELDERLY_USCC : ELDERLY_530103_USCC, "回执并发" + i));
            as(reviewer, "POST", "/api/filings/" + id + "/accept", null).statusCode(200);
            accepted.add(new String[]{id, reviewer});
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String[] f : accepted) {
            calls.add(() -> as(f[1], "POST", "/api/filings/" + f[0] + "/approve", null).extract().statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), run(calls));

        for (String county : new String[]{"530102", "530103"}) {
            List<Integer> sequences = new ArrayList<>();
            for (String[] f : accepted) {
                String receipt = as(f[1], "GET", "/api/filings/" + f[0], null).extract().path("receiptNumber");
                if (receipt.startsWith(county)) {
                    sequences.add(Integer.parseInt(receipt.substring(receipt.lastIndexOf('-') + 1)));
                }
            }
            sequences.sort(null);
            assertEquals(4, new HashSet<>(sequences).size(), "no duplicates: " + sequences);
            for (int i = 1; i < sequences.size(); i++) {
                assertEquals(sequences.get(i - 1) + 1, sequences.get(i), county + " without gaps: " + sequences);
            }
        }
    }

    private static List<Integer> run(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
