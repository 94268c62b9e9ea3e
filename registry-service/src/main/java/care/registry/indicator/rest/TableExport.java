package care.registry.indicator.rest;

import care.registry.indicator.service.IndicatorTable;
import care.registry.export.Sheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The indicator table as shown, one row per indicator and area (an unmeasured target one row with its reason), as
 * CSV or XLSX ({@link Sheets}).
 */
final class TableExport {

    static final String XLSX = Sheets.XLSX;

    private static final List<String> HEADER = List.of("指标编号", "指标", "领域", "地区代码", "地区", "截至日期", "数值",
            "单位", "分子", "分母", "目标", "方向", "差距", "按进度应达", "状态", "说明", "来源文件", "章节", "原文");

    private TableExport() {
    }

    /** Cells of each row: a String, a BigDecimal or a Long (numbers stay numbers in XLSX), or null. */
    static List<List<Object>> rows(IndicatorTable table) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorTable.Indicator i : table.indicators()) {
            String sector = "ELDERLY".equals(i.sector()) ? "养老" : "托育";
            if (!i.measured()) {
                rows.add(row(i, sector, null, null, table, null, null, null, null, null, null, null,
                        "本平台不计算：" + i.notMeasuredReason()));
                continue;
            }
            for (IndicatorTable.Figure f : i.figures()) {
                rows.add(row(i, sector, f.areaCode(), f.areaName(), table, f.value(), f.numerator(), f.denominator(),
                        f.target(), f.gap(), f.expected(), f.statusLabel(), f.missing()));
            }
        }
        return rows;
    }

    private static List<Object> row(IndicatorTable.Indicator i, String sector, String areaCode, String areaName,
                                    IndicatorTable table, BigDecimal value, Long numerator, Long denominator,
                                    BigDecimal target, BigDecimal gap, BigDecimal expected, String status,
                                    String note) {
        List<Object> r = new ArrayList<>();
        r.add(i.code());
        r.add(i.name());
        r.add(sector);
        r.add(areaCode);
        r.add(areaName);
        r.add(table.asOf().toString());
        r.add(value);
        r.add(i.unit());
        r.add(numerator);
        r.add(denominator);
        r.add(target != null ? target : i.target());
        r.add(i.direction());
        r.add(gap);
        r.add(expected);
        r.add(status);
        r.add(note);
        r.add(i.source().document());
        r.add(i.source().section());
        r.add(i.source().sentence());
        return r;
    }

    static byte[] csv(IndicatorTable table) {
        return Sheets.csv(HEADER, rows(table));
    }

    static byte[] xlsx(IndicatorTable table) {
        return Sheets.xlsx("指标监测 " + table.asOf(), HEADER, rows(table));
    }
}
