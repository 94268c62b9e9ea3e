package care.subsidy.ledger.service;

import care.contracts.ChinaTime;
import care.subsidy.access.Scope;
import care.subsidy.batch.domain.BatchStatus;
import care.subsidy.batch.domain.PaymentBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reconciliation reports and CSV exports over the ledger (entries are append-only; see V2 trigger). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LedgerService {

    /** The ledger side, over entries joined to their entitlement (payment_line l) so that a scope applies. */
    private static final String SIDES = """
            select coalesce(sum(e.amount_fen) filter (where e.entry_type = 'ISSUED'), 0),
                   coalesce(sum(e.amount_fen) filter (where e.entry_type = 'PAID'), 0),
                   coalesce(sum(e.amount_fen) filter (where e.entry_type = 'FAILED'), 0),
                   coalesce(sum(e.amount_fen) filter (where e.entry_type = 'REVERSED'), 0),
                   count(*) filter (where e.entry_type = 'ISSUED'),
                   count(*) filter (where e.entry_type = 'PAID'),
                   count(*) filter (where e.entry_type = 'FAILED'),
                   count(*) filter (where e.entry_type = 'REVERSED')
            from ledger_entry e join payment_instruction p on p.id = e.instruction_id
                 join payment_line l on l.id = p.line_id
            """;
    private static final String INSTRUCTED = """
            select coalesce(sum(p.amount_fen) filter (where p.status = 'RELEASED'), 0),
                   coalesce(sum(p.amount_fen) filter (where p.status = 'PAID'), 0),
                   coalesce(sum(p.amount_fen) filter (where p.status = 'FAILED'), 0),
                   count(*) filter (where p.status = 'RELEASED'),
                   coalesce(sum(p.amount_fen) filter (where p.status = 'REVERSED'), 0),
                   coalesce(sum(p.amount_fen) filter (where p.status <> 'CANCELLED'), 0)
            from payment_instruction p join payment_line l on l.id = p.line_id
            """;

    private final EntityManager em;

    public LedgerService(EntityManager em) {
        this.em = em;
    }

    /**
     * A batch's figures within the caller's scope. For the whole city a released batch must have issued its
     * amount; a county reviewer's figures are their county's lines, checked against those lines' instructions.
     */
    public Reconciliation ofBatch(PaymentBatch batch, Scope scope) {
        Object[] ledger = (Object[]) scope.bind(em.createNativeQuery(SIDES + " where e.batch_id = :batch"
                + scope.lines("l"))).setParameter("batch", batch.id).getSingleResult();
        Object[] instructed = (Object[]) scope.bind(em.createNativeQuery(INSTRUCTED + " where p.batch_id = :batch"
                + scope.lines("l"))).setParameter("batch", batch.id).getSingleResult();
        long entitled = scope.wholeCity() ? batch.amountFen : n(instructed[5]);
        Reconciliation r = build(batch.programmeCode, batch.period, entitled, ledger, instructed);
        boolean issuedAll = batch.status != BatchStatus.RELEASED || r.issuedFen() == entitled;
        return issuedAll ? r : r.unbalanced();
    }

    /** Per programme in the caller's scope for a month (entitlements of that month, wherever instructed). */
    public List<Reconciliation> ofPeriod(Scope scope, String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> programmes = scope.bind(em.createNativeQuery("""
                        select l.programme_code, coalesce(sum(l.amount_fen), 0) from payment_line l
                        where l.period = :period""" + scope.lines("l") + """
                         group by 1 order by 1"""))
                .setParameter("period", period).getResultList();
        List<Reconciliation> rows = new ArrayList<>();
        for (Object[] p : programmes) {
            String code = (String) p[0];
            Object[] ledger = (Object[]) scope.bind(em.createNativeQuery(SIDES
                            + " where e.period = :period and e.programme_code = :code" + scope.lines("l")))
                    .setParameter("period", period).setParameter("code", code).getSingleResult();
            Object[] instructed = (Object[]) scope.bind(em.createNativeQuery(INSTRUCTED
                            + " where l.period = :period and l.programme_code = :code" + scope.lines("l")))
                    .setParameter("period", period).setParameter("code", code).getSingleResult();
            rows.add(build(code, period, ((Number) p[1]).longValue(), ledger, instructed));
        }
        return rows;
    }

    public Reconciliation total(String period, List<Reconciliation> rows) {
        long[] s = new long[16];
        boolean balanced = true;
        for (Reconciliation r : rows) {
            long[] v = {r.entitledFen(), r.issuedFen(), r.paidFen(), r.failedFen(), r.reversedFen(), r.netPaidFen(),
                    r.outstandingFen(), r.instructedReleasedFen(), r.instructedPaidFen(), r.instructedFailedFen(),
                    r.instructedReversedFen(), r.issuedCount(), r.paidCount(), r.failedCount(), r.reversedCount(),
                    r.outstandingCount()};
            for (int i = 0; i < v.length; i++) {
                s[i] += v[i];
            }
            balanced &= r.balanced();
        }
        // issued = paid + failed + outstanding (a reversed payment was paid, then returned: netPaid + reversed)
        return new Reconciliation("ALL", period, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10],
                s[11], s[12], s[13], s[14], s[15], balanced && s[1] == s[2] + s[3] + s[6] && s[5] == s[2] - s[4]);
    }

    /**
     * Both sides of one batch or programme-month. A reversal does not make an instruction outstanding again (the
     * entitlement is re-instructed by a later batch, with its own ISSUED entry): outstanding = issued − paid −
     * failed, and the payments still standing are netPaid = paid − reversed.
     */
    private static Reconciliation build(String code, String period, long entitled, Object[] ledger,
                                        Object[] instructed) {
        long issued = n(ledger[0]);
        long paid = n(ledger[1]);
        long failed = n(ledger[2]);
        long reversed = n(ledger[3]);
        long netPaid = paid - reversed;
        long outstanding = issued - paid - failed;
        long iReleased = n(instructed[0]);
        long iPaid = n(instructed[1]);
        long iFailed = n(instructed[2]);
        long iReversed = n(instructed[4]);
        boolean balanced = outstanding >= 0 && outstanding == iReleased && netPaid >= 0 && netPaid == iPaid
                && failed == iFailed && reversed == iReversed;
        return new Reconciliation(code, period, entitled, issued, paid, failed, reversed, netPaid, outstanding,
                iReleased, iPaid, iFailed, iReversed, n(ledger[4]), n(ledger[5]), n(ledger[6]), n(ledger[7]),
                n(instructed[3]), balanced);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    // ------------------------------------------------------------------------------------------ CSV exports

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);

    /**
     * The batch's instructions, one row each, for a finance clerk (Excel opens UTF-8 with BOM). A REVERSED row
     * keeps its payment (流水号, 到账日期) and shows the return (退汇日期, 退汇原因, 退汇流水号).
     */
    public void exportBatch(UUID batchId, Scope scope, OutputStream out) throws IOException {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("""
                        select p.id, l.programme_code, l.period, l.division_code, l.institution_uscc,
                               l.institution_name, l.payee_name, l.masked_citizen_id, l.grade, l.units, p.amount_fen,
                               p.attempt, p.status, p.bank_reference, p.paid_on, p.failure_reason, p.returned_on,
                               p.reversal_reason, p.reversal_reference
                        from payment_instruction p join payment_line l on l.id = p.line_id
                        where p.batch_id = :batch""" + scope.lines("l") + """
                         order by l.division_code, l.institution_name, l.payee_name, p.id"""))
                .setParameter("batch", batchId).getResultList();
        Writer w = writer(out);
        row(w, "支付指令号", "补贴项目", "所属期间", "区县代码", "机构统一社会信用代码", "机构名称", "收款人",
                "身份证号(脱敏)", "证书等级", "床位/托位数", "金额(元)", "金额(分)", "发放次数", "状态", "银行流水号",
                "到账日期", "失败原因", "退汇日期", "退汇原因", "退汇流水号");
        for (Object[] r : rows) {
            row(w, s(r[0]), s(r[1]), s(r[2]), s(r[3]), s(r[4]), s(r[5]), s(r[6]), s(r[7]), grade(s(r[8])), s(r[9]),
                    yuan(n(r[10])), s(r[10]), s(r[11]), instructionStatus(s(r[12])), s(r[13]), s(r[14]), s(r[15]),
                    s(r[16]), s(r[17]), s(r[18]));
        }
        w.flush();
    }

    /**
     * Every ledger entry of a month in the caller's scope, with a closing line of totals per entry type (a bank return is a 冲销
     * entry) and the net paid (已支付 − 冲销).
     */
    public void exportPeriod(Scope scope, String period, OutputStream out) throws IOException {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("""
                        select e.seq, e.recorded_at, e.entry_type, e.programme_code, e.period, e.batch_id,
                               e.instruction_id, l.payee_name, l.institution_name, e.amount_fen, e.reference,
                               e.recorded_by
                        from ledger_entry e join payment_instruction p on p.id = e.instruction_id
                             join payment_line l on l.id = p.line_id
                        where e.period = :period""" + scope.lines("l") + " order by e.seq"))
                .setParameter("period", period).getResultList();
        Writer w = writer(out);
        row(w, "序号", "记账时间", "类型", "补贴项目", "所属期间", "批次", "支付指令号", "收款人", "机构名称",
                "金额(元)", "金额(分)", "参考号/原因", "记账人");
        java.util.Map<String, Long> totals = new java.util.LinkedHashMap<>();
        for (String t : List.of("ISSUED", "PAID", "FAILED", "REVERSED")) {
            totals.put(t, 0L);
        }
        for (Object[] r : rows) {
            String type = s(r[2]);
            totals.merge(type, n(r[9]), Long::sum);
            row(w, s(r[0]), TIME.format(care.subsidy.support.Sql.instant(r[1])), label(type), s(r[3]), s(r[4]), s(r[5]),
                    s(r[6]), s(r[7]), s(r[8]), yuan(n(r[9])), s(r[9]), s(r[10]), s(r[11]));
        }
        totals.forEach((type, fen) -> {
            try {
                row(w, "", "", "合计 " + label(type), "", period, "", "", "", "", yuan(fen), String.valueOf(fen), "", "");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // what stays paid: a 冲销 (bank return) cancels its 已支付 entry, whose entitlement is instructed again
        long net = totals.get("PAID") - totals.get("REVERSED");
        row(w, "", "", "合计 净支付(已支付−冲销)", "", period, "", "", "", "", yuan(net), String.valueOf(net), "", "");
        w.flush();
    }

    /** A payment instruction's status as the finance clerk reads it in the CSV (the codes are the API's). */
    static String instructionStatus(String status) {
        return switch (status) {
            case "PENDING" -> "待下达";
            case "RELEASED" -> "已下达财政";
            case "PAID" -> "已支付";
            case "FAILED" -> "支付失败";
            case "REVERSED" -> "已退汇";
            case "CANCELLED" -> "已取消";
            default -> status;
        };
    }

    /** A certificate grade in words (五级/初级工 …), as on the roster; blank for a line without one. */
    private static String grade(String grade) {
        if (grade.isEmpty()) {
            return grade;
        }
        try {
            return care.contracts.event.CertificateGrade.valueOf(grade).label;
        } catch (IllegalArgumentException e) {
            return grade;
        }
    }

    private static String label(String type) {
        return switch (type) {
            case "ISSUED" -> "下达";
            case "PAID" -> "已支付";
            case "FAILED" -> "支付失败";
            case "REVERSED" -> "冲销";
            default -> type;
        };
    }

    private static Writer writer(OutputStream out) throws IOException {
        out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    private static void row(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells[i]));
        }
        w.write("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + (abs / 100) + "." + String.format("%02d", abs % 100);
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }
}
