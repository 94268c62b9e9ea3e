package care.registry.directory.rest;

import care.deploy.CareTestResource;
import care.registry.support.Db;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory's pages against the database's own answer, on both ways a text search finds its page (more than
 * the count cap of matches: walk the name order; fewer: collect and sort) and on counts past the cap. The rows are
 * made in SQL in 宣威市 (530381), with name fragments no other test uses.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class DirectorySearchTest {

    static final String FILED = "filing_status = 'FILED'";

    @Inject
    EntityManager em;
    @Inject
    Db db;
    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void register() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into institution (id, uscc, name, sector, kind, ownership, city_code, division_code, address,
                    legal_representative, contact_phone, capacity, filing_status, filing_number, filed_on, created_at,
                    updated_at, version, inclusive, demonstration)
                select gen_random_uuid(), 'T' || lpad(g::text, 17, '0'),
                    case when g > 1240 then '宣威测罕养老院' || g
                         else '宣威测序' || (array['甲','乙','丙'])[1 + g % 3] || '园' || lpad(g::text, 4, '0') end,
                    case when g % 2 = 0 then 'CHILDCARE' else 'ELDERLY' end,
                    case when g % 2 = 0 then 'FULL_DAYCARE' else 'PRIVATE_CARE_HOME' end,
                    'PRIVATE', '530300', '530381', '宣威市测试路' || g || '号', '赵六', '0874-70000000',
                    10 + (g * 37) % 200,
                    case when g between 1201 and 1240 then (case when g % 2 = 0 then 'UNFILED' else 'CLOSED' end)
                         else 'FILED' end,
                    '530381-2025-' || g, date '2021-01-01' + g % 500, now(), now(), 0, g % 4 = 0, false
                from generate_series(1, 1243) g
                on conflict (uscc) do nothing
                """).executeUpdate());
    }

    /** The names the database lists for this condition and order, after skipping {@code offset}. */
    List<String> expected(String condition, String order, int offset, int limit) {
        return db.strings("select name from institution where " + FILED + " and " + condition + " order by " + order
                + " limit " + limit + " offset " + offset);
    }

    JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).get("/api/directory/institutions").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aCommonFragmentIsPagedInNameOrderAndItsTotalCappedAtAThousand() {
        for (String q : new String[]{"测序", "序"}) {
            for (int page : new int[]{0, 7}) {
                JsonPath result = search(Map.of("q", q, "page", page));
                assertEquals(expected("name like '%测序%'", "name, id", page * 20, 20), result.getList("items.name"),
                        q + " page " + page);
                assertEquals(1000, result.getInt("total"));
                assertFalse(result.getBoolean("totalExact"));
            }
        }
        // the unfiled and closed ones (1201-1240) share the fragment but are never listed
        JsonPath all = search(Map.of("q", "测序", "size", 100, "page", 11));
        assertEquals(expected("name like '%测序%'", "name, id", 1100, 100), all.getList("items.name"));
        assertTrue(all.getList("items.filingStatus").stream().allMatch("已备案"::equals));
    }

    @Test
    void fewerMatchesThanTheCapAreCountedExactlyInAnyOrder() {
        String condition = "name like '%测序%' and sector = 'CHILDCARE'";
        JsonPath byCapacity = search(Map.of("q", "测序", "sector", "CHILDCARE", "sort", "-capacity", "page", 3));
        assertEquals(expected(condition, "capacity desc, id desc", 60, 20), byCapacity.getList("items.name"));
        assertEquals(600, byCapacity.getInt("total"));
        assertTrue(byCapacity.getBoolean("totalExact"));

        JsonPath last = search(Map.of("q", "序", "sector", "CHILDCARE", "sort", "filedOn", "page", 29));
        assertEquals(expected(condition, "filed_on, id", 580, 20), last.getList("items.name"));
        JsonPath beyond = search(Map.of("q", "测序", "sector", "CHILDCARE", "page", 30));
        assertEquals(List.of(), beyond.getList("items"));
        assertEquals(600, beyond.getInt("total"));

        JsonPath rare = search(Map.of("q", "测罕", "county", "530381"));
        assertEquals(expected("name like '%测罕%'", "name, id", 0, 20), rare.getList("items.name"));
        assertEquals(3, rare.getInt("total"));
        assertTrue(rare.getBoolean("totalExact"));
    }

    /** Whatever the page, a search of the same shape reuses Hibernate's plans of its statements. */
    @Test
    void searchingAgainPlansNothingNew() {
        var plans = sessionFactory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache();
        for (String q : new String[]{"测序", "测罕"}) { // the two ways a text search finds its page
            search(Map.of("q", q, "page", 0));
            int planned = plans.getNumberOfCachedQueryPlans();
            for (int page = 0; page < 20; page++) {
                search(Map.of("q", q, "page", page));
            }
            // the platform's background work may plan a statement of its own meanwhile, rarely two
            assertTrue(plans.getNumberOfCachedQueryPlans() - planned <= 2,
                    q + ": " + (plans.getNumberOfCachedQueryPlans() - planned) + " plans added by 20 searches");
        }
    }

    @Test
    void filtersWithoutTextPageThroughIndexesAndCapTheirTotal() {
        JsonPath county = search(Map.of("county", "530381", "page", 2));
        assertEquals(expected("division_code = '530381'", "name, id", 40, 20), county.getList("items.name"));
        assertEquals(1000, county.getInt("total"));
        assertFalse(county.getBoolean("totalExact"));

        JsonPath inclusive = search(Map.of("county", "530381", "inclusive", true, "sort", "-filedOn", "size", 100));
        assertEquals(expected("division_code = '530381' and inclusive", "filed_on desc, id desc", 0, 100),
                inclusive.getList("items.name"));
        assertEquals(db.count("select count(*) from institution where " + FILED
                + " and division_code = '530381' and inclusive"), inclusive.getLong("total"));
        assertTrue(inclusive.getBoolean("totalExact"));
    }

    @Test
    void theBoxFindsAnAddressAFullAddressAUsccAndAFilingNumber() {
        // an address fragment of one row, and one common to all (its page found along the name order)
        assertEquals(expected("address like '%测试路7号%'", "name, id", 0, 20),
                search(Map.of("q", "测试路7号")).getList("items.name"));
        JsonPath street = search(Map.of("q", "测试路", "page", 1));
        assertEquals(expected("(name like '%测试路%' or address like '%测试路%')", "name, id", 20, 20),
                street.getList("items.name"));
        assertEquals(1000, street.getInt("total"));
        for (String q : new String[]{"宣威市测试路1241号", "T00000000000001241", "t00000000000001241",
                "530381-2025-1241"}) {
            JsonPath one = search(Map.of("q", q));
            assertEquals(List.of("宣威测罕养老院1241"), one.getList("items.name"), q);
            assertEquals(1, one.getInt("total"), q);
        }
        // a closed institution's 备案号 is not in the directory
        assertEquals(0, search(Map.of("q", "530381-2025-1201")).getInt("total"));
    }
}
