package care.registry.indicator.rest;

import care.registry.indicator.service.IndicatorTable;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The indicator table as shown, one row per indicator and area (an unmeasured target one row with its reason), as
 * CSV (UTF-8 with BOM, so that Excel reads the Chinese) or XLSX (Apache POI).
 */
final class TableExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, new ArrayList<>(HEADER));
        rows(table).forEach(r -> line(out, r));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            Object v = cells.get(c);
            String text = v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
            // RFC 4180 quoting; a leading = + - @ is prefixed so that a spreadsheet never runs a cell as a formula
            if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(v instanceof Number)) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            out.append(text);
        }
        out.append("\r\n");
    }

    static byte[] xlsx(IndicatorTable table) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("指标监测 " + table.asOf());
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            int r = 1;
            for (List<Object> cells : rows(table)) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
