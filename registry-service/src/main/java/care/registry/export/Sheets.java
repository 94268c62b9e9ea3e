package care.registry.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table as the register's downloads give it: CSV (UTF-8 with BOM, so that Excel reads the Chinese) or XLSX
 * (Apache POI, streamed). Cells are a String, a Number (numbers stay numbers in XLSX) or null.
 */
public final class Sheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv; charset=UTF-8";

    private Sheets() {
    }

    public static byte[] csv(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, header);
        rows.forEach(r -> line(out, r));
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

    /**
     * One sheet: the header row, then the rows. Text goes in as a string cell, which a spreadsheet shows and never
     * evaluates, so a value starting with = + - @ needs no prefix here.
     */
    public static byte[] xlsx(String sheetName, List<String> header, List<? extends List<?>> rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            int r = 1;
            for (List<?> cells : rows) {
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
