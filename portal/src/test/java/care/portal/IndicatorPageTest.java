package care.portal;

import care.portal.client.IndicatorClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 指标监测 as rendered from the registry's table: figures, what is missing, unmeasured targets, the chart data. */
class IndicatorPageTest {

    static final IndicatorClient.Source SOURCE = new IndicatorClient.Source("000 昆明", "二、发展目标", "每千名老年人养老床位数31张");

    @Test
    void eachFigureIsShownAndAMissingPopulationIsSaidInsteadOfANumber() throws Exception {
        var county = new IndicatorClient.Figure("530124", "富民县", new BigDecimal("0.00"), 0, 20_000L, null,
                new BigDecimal("31.00"), new BigDecimal("31.00"), new BigDecimal("31.00"), "BEHIND", "落后于进度",
                List.of(new IndicatorClient.Point("2026-11-30", BigDecimal.ZERO)));
        var missing = new IndicatorClient.Figure("530125", "宜良县", null, 40, null, "未录入宜良县的60岁及以上常住人口",
                new BigDecimal("31.00"), null, null, "NO_DATA", "无法计算", List.of());
        var measured = new IndicatorClient.Indicator("KM-E-07", "每千名老年人养老床位数</script>", "ELDERLY", true,
                null, "张/千名老年人", ">=", new BigDecimal("31.00"), "2025-12-31", "2021-12-31", "COUNTY", SOURCE, 1,
                "养老床位", "60岁及以上人口", List.of(county, missing));
        var unmeasured = new IndicatorClient.Indicator("KM-E-28", "家庭养老床位数不低于4000个", "ELDERLY", false,
                "家庭养老床位设在老年人家中", null, null, null, "2025-12-31", null, "CITY",
                new IndicatorClient.Source("000 昆明", "二、发展目标", "家庭养老床位数不低于4000个"), 1, null, null, List.of());
        var table = new IndicatorClient.Table("530100", "昆明市", "2026-11-30", List.of(), List.of(measured, unmeasured));

        Engine engine = PortalTemplates.engine();
        String json = new ObjectMapper().writeValueAsString(List.of(measured)).replace("<", "\\u003c");
        String html = engine.getTemplate("indicators.html").data("t", table).data("measured", List.of(measured))
                .data("unmeasured", List.of(unmeasured)).data("chartData", new io.quarkus.qute.RawString(json))
                .data("user", new User(true, "admin-530100", "管理员", Set.of("city-admin"), Map.of()))
                .data("labels", Labels.INSTANCE).render();

        assertTrue(html.contains("<h1>指标监测 · 昆明市</h1>"), html);
        assertTrue(html.contains("目标：不低于 31.00 张/千名老年人"));
        assertTrue(html.contains("<td data-label=\"数值\">0.00 张/千名老年人</td>"), "zero is a value, not missing");
        assertTrue(html.contains("未录入宜良县的60岁及以上常住人口"));
        assertTrue(html.contains("id=\"bar-KM-E-07\"") && html.contains("id=\"trend-KM-E-07\""));
        assertTrue(html.contains("家庭养老床位设在老年人家中"));
        assertTrue(html.contains("id=\"nav-indicators\""));
        assertTrue(html.contains("/portal/indicators/echarts.min.js"));
        assertFalse(html.contains("数值</script>"), "a name cannot end the chart data's script element");
    }
}
