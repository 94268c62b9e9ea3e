package care.filing.statistics.service;

import care.contracts.ChinaTime;
import care.contracts.division.Divisions;
import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.filing.access.Access;
import care.filing.access.FilingScope;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.FilingRepository;
import care.filing.filing.domain.FilingType;
import care.filing.filing.service.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time-to-decision figures for a city's admins and auditors: per filing type and county, how many filings were
 * decided (approved or rejected) in a period, the median and 90th percentile of working days from the latest
 * (re)submission to the decision (nearest-rank), and how many were decided after their deadline.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DecisionStats {

    public record Row(FilingType type, String divisionCode, String divisionName, int decided,
                      int medianWorkingDays, int p90WorkingDays, int maxWorkingDays, int decidedLate) {
    }

    public record Report(String cityCode, LocalDate from, LocalDate to, List<Row> rows) {
    }

    private final FilingRepository filings;
    private final Workflow workflow;
    private final Access access;
    private final Caller caller;

    public DecisionStats(FilingRepository filings, Workflow workflow, Access access, Caller caller) {
        this.filings = filings;
        this.workflow = workflow;
        this.access = access;
        this.caller = caller;
    }

    /** Decisions made on days in [from, to] (China time) in the caller's city. */
    public Report decisionTimes(LocalDate from, LocalDate to) {
        FilingScope scope = access.cityScope();
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "起始日期不能晚于截止日期");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.invalid("from", "统计区间最长5年");
        }
        Map<String, List<Filing>> groups = new TreeMap<>();
        for (Filing f : filings.decidedIn(scope.sector(), scope.divisionPrefix(),
                from.atStartOfDay(ChinaTime.ZONE).toInstant(), to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant())) {
            groups.computeIfAbsent(f.type.ordinal() + "|" + f.institution.divisionCode(), k -> new ArrayList<>()).add(f);
        }
        List<Row> rows = new ArrayList<>();
        for (List<Filing> group : groups.values()) {
            List<Integer> days = group.stream().map(workflow::workingDaysToDecision).sorted().toList();
            LocalDate dummy = LocalDate.MIN;
            int late = (int) group.stream().filter(f -> Workflow.overdue(f, dummy)).count();
            Filing first = group.get(0);
            String county = first.institution.divisionCode();
            rows.add(new Row(first.type, county, Divisions.find(county).map(Divisions.Division::name).orElse(county),
                    days.size(), rank(days, 0.5), rank(days, 0.9), days.get(days.size() - 1), late));
        }
        rows.sort(Comparator.comparing(Row::type).thenComparing(Row::divisionCode));
        String area = scope.divisionPrefix().length() == 4 ? scope.divisionPrefix() + "00" : scope.divisionPrefix();
        return new Report(caller.cityCode().orElse(area), from, to, rows);
    }

    /** Nearest-rank percentile of a sorted, non-empty list. */
    static int rank(List<Integer> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
