package care.filing.receipt.service;

import care.contracts.ChinaTime;
import care.contracts.division.Divisions;
import care.contracts.event.Sector;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.InstitutionFacts;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The 备案回执 as a self-contained printable HTML page (UTF-8, inline CSS, A4 print layout, no external assets):
 * any browser renders and prints the Chinese text with the fonts of the reader's system.
 */
@ApplicationScoped
public class ReceiptRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** What a receipt says, whatever it is rendered as. */
    record Receipt(String title, List<String[]> rows, String note, String department, String date) {
    }

    Receipt receipt(Filing f) {
        InstitutionFacts i = f.institution;
        String county = Divisions.find(i.divisionCode()).map(d -> d.name()).orElse(i.divisionCode());
        String city = Divisions.find(i.cityCode()).map(d -> d.name()).orElse(i.cityCode());
        String department = county + (i.sector() == Sector.ELDERLY ? "民政局" : "卫生健康局");
        String kind = i.sector() == Sector.ELDERLY ? "养老机构" : "托育机构";
        String what = switch (f.type) {
            case NEW -> "新设备案";
            case CHANGE -> "变更备案";
            case ADD_SITE -> "增加经营场所备案";
            case CLOSE -> "注销备案";
        };
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"回执编号", f.receiptNumber});
        rows.add(new String[] {"备案事项", kind + what});
        rows.add(new String[] {"机构名称", i.name()});
        rows.add(new String[] {"统一社会信用代码", f.uscc});
        rows.add(new String[] {"机构类型", i.kind().label});
        rows.add(new String[] {"法定代表人", i.legalRepresentative()});
        rows.add(new String[] {"住所", i.address()});
        rows.add(new String[] {i.sector() == Sector.ELDERLY ? "床位数" : "托位数", Integer.toString(i.capacity())});
        if (f.siteAddress != null) {
            rows.add(new String[] {"新增经营场所", f.siteName + "（" + f.siteAddress + "，" + f.siteCapacity + "）"});
        }
        if (f.closeReason != null) {
            rows.add(new String[] {"注销原因", f.closeReason});
        }
        rows.add(new String[] {"所在地", city + county});
        rows.add(new String[] {"备案机关", department});
        String date = DAY.format(LocalDate.ofInstant(f.decidedAt, ChinaTime.ZONE));
        rows.add(new String[] {"备案日期", date});
        String note = "经审核，你单位报送的备案材料齐全，予以备案。备案不代替依法应当取得的许可；请依照有关法律法规和标准规范开展服务，"
                + "接受" + department + "的监督检查。备案事项发生变化的，应当及时办理变更备案。";
        return new Receipt(kind + "备案回执", rows, note, department, date);
    }

    public String html(Filing f) {
        Receipt r = receipt(f);
        StringBuilder rows = new StringBuilder();
        for (String[] row : r.rows()) {
            row(rows, row[0], row[1]);
        }
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s %s</title>
                <style>
                  @page { size: A4; margin: 25mm 20mm; }
                  body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
                         color: #000; max-width: 170mm; margin: 0 auto; padding: 0 12px; overflow-wrap: anywhere; }
                  h1 { text-align: center; font-size: 22pt; letter-spacing: 0.3em; margin: 10mm 0 8mm; }
                  table { width: 100%%; border-collapse: collapse; font-size: 12pt; }
                  th, td { border: 1px solid #000; padding: 3mm 4mm; text-align: left; vertical-align: top; }
                  th { width: 32%%; font-weight: normal; background: #f3f3f3; }
                  p.note { font-size: 11pt; line-height: 1.8; margin-top: 8mm; }
                  p.seal { text-align: right; margin-top: 16mm; font-size: 12pt; }
                  @media print { th { background: none; } }
                </style>
                </head>
                <body>
                <h1>%s</h1>
                <table>
                %s</table>
                <p class="note">%s</p>
                <p class="seal">%s<br>%s</p>
                </body>
                </html>
                """.formatted(escape(r.title()), escape(f.receiptNumber), escape(r.title()), rows, escape(r.note()),
                escape(r.department()), r.date());
    }

    private static void row(StringBuilder rows, String label, String value) {
        rows.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
