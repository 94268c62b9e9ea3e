package care.registry.indicator.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The indicators of a city of 100,000 institutions (曲靖市, in six of its counties), answered within the heap the
 * service runs with: this class runs alone in a JVM of {@code -Xmx256m}, the launcher's and the image's heap
 * (registry-service/pom.xml, execution {@code large-city}). Loading the city's institutions as entities, and holding
 * thirteen days of their states at once, outgrew that heap and the request answered 500.
 * The register is DirectoryBenchmarkTest's, generated in SQL: no sites and no designation versions, so the figure
 * checked is the denominator of one that counts institutions (普惠托育机构占比, QJ-C-13: every 托育机构). Opt-in: {@code -Dlarge-city.skip=false}.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class IndicatorsLargeCityTest {

    static final int INSTITUTIONS = 100_000;

    @Inject
    EntityManager em;

    @Test
    void aCityOfAHundredThousandInstitutions() {
        // 100,000 rows with their name grams: longer than the default 60 s at load 35
        QuarkusTransaction.requiringNew().timeout(600).run(() -> em.createNativeQuery("""
                insert into institution (id, uscc, name, sector, kind, ownership, city_code, division_code, address,
                    legal_representative, contact_phone, capacity, filing_status, filing_number, filed_on, created_at,
                    updated_at, version, inclusive, demonstration)
                select gen_random_uuid(), 'B' || lpad(g::text, 17, '0'),
                    (array['麒麟','沾益','马龙','陆良','罗平','宣威'])[1 + g % 6]
                      || (array['康乐','福寿','颐养','夕阳红','童心','小树苗','蒲公英','七彩'])[1 + (g / 6) % 8]
                      || (case when g % 5 < 3 then '养老院' else '托育园' end) || g,
                    case when g % 5 < 3 then 'ELDERLY' else 'CHILDCARE' end,
                    case when g % 5 < 3 then 'PRIVATE_CARE_HOME' else 'FULL_DAYCARE' end, 'PRIVATE',
                    '530300', k.county, '测试地址' || g || '号', '张三', '0874-60000000', 10 + g % 290, 'FILED',
                    k.county || '-2025-' || lpad(g::text, 6, '0'), date '2020-01-01' + (g % 2000), now(), now(), 0,
                    g % 3 = 0, g % 17 = 0
                from generate_series(1, ?1) g
                join lateral (select (array['530302','530303','530304','530322','530324','530381'])[1 + (g / 7) % 6]
                              as county) k on true
                """).setParameter(1, INSTITUTIONS).executeUpdate());
        // g % 5 in {3, 4}: 托育 (40 %)
        long childcare = count("select count(*) from institution where city_code = '530300' and sector = 'CHILDCARE'");

        // the heap is what this checks, not the time: at load 57 the answer took longer than the tests' 30 s
        JsonPath t = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 600_000)))
                .auth().oauth2(Tokens.of("admin-530300")).get("/api/institutions/indicators").then()
                .statusCode(200).extract().jsonPath();

        Map<String, Object> city = t.getMap("indicators.find { it.code == 'QJ-C-13' }.figures"
                + ".find { it.areaCode == '530300' }");
        assertEquals(40_000, childcare);
        // 普惠 counts from a recorded designation (designation_version), which the SQL register has none of
        assertEquals(0, ((Number) city.get("numerator")).longValue());
        assertEquals(childcare, ((Number) city.get("denominator")).longValue());
        long qilin = count("select count(*) from institution where division_code = '530302' and sector = 'CHILDCARE'");
        assertEquals(qilin, ((Number) t.getMap("indicators.find { it.code == 'QJ-C-13' }.figures"
                + ".find { it.areaCode == '530302' }").get("denominator")).longValue());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
