package care.filing.filing.service;

import care.contracts.ChinaTime;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.FilingHistory;
import care.filing.filing.domain.FilingRepository;
import care.filing.filing.domain.FilingStatus;
import care.filing.rules.TimeLimits;
import care.filing.rules.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Moves a filing along its state machine ({@link FilingStatus}) and writes the audit line for it, in the caller's
 * transaction. Submission starts the clock: the deadline is the n-th working day (time-limits.tsv, holidays.tsv)
 * after the day of the latest (re)submission, China time.
 */
@ApplicationScoped
public class Workflow {


    private final FilingRepository filings;
    private final TimeLimits limits;
    private final WorkingCalendar calendar;

    public Workflow(FilingRepository filings, TimeLimits limits, WorkingCalendar calendar) {
        this.filings = filings;
        this.limits = limits;
        this.calendar = calendar;
    }

    /** Moves to {@code target} (409 ILLEGAL_TRANSITION otherwise) and records actor, time and comment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Filing filing, FilingStatus target, String action, String actor, String comment, Instant at) {
        FilingStatus from = filing.status;
        filing.moveTo(target);
        switch (target) {
            case SUBMITTED -> {
                filing.submittedAt = at;
                if (filing.firstSubmittedAt == null) {
                    filing.firstSubmittedAt = at;
                }
                filing.dueOn = calendar.addWorkingDays(LocalDate.ofInstant(at, ChinaTime.ZONE),
                        limits.workingDays(filing.institution.sector(), filing.type));
            }
            case ACCEPTED -> filing.acceptedAt = at;
            case RETURNED -> filing.returnedAt = at;
            case APPROVED, REJECTED, WITHDRAWN -> {
                filing.decidedAt = at;
                filing.decidedBy = actor;
                filing.decisionComment = blankToNull(comment);
            }
            default -> {
            }
        }
        note(filing, action, actor, comment, at, from, target);
    }

    /** An audit line without a status change (created, edited, material uploaded …). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(Filing filing, String action, String actor, String comment, Instant at) {
        note(filing, action, actor, comment, at, filing.status, filing.status);
    }

    private void note(Filing filing, String action, String actor, String comment, Instant at,
                      FilingStatus from, FilingStatus to) {
        FilingHistory line = new FilingHistory();
        line.filingId = filing.id;
        line.at = at;
        line.actor = actor;
        line.action = action;
        line.fromStatus = from;
        line.toStatus = to;
        line.comment = blankToNull(comment);
        filings.record(line);
    }

    /** Working days from the latest submission to the decision (China dates). */
    public int workingDaysToDecision(Filing filing) {
        return calendar.workingDaysBetween(LocalDate.ofInstant(filing.submittedAt, ChinaTime.ZONE),
                LocalDate.ofInstant(filing.decidedAt, ChinaTime.ZONE));
    }

    /** Waiting past its deadline, or decided after it. */
    public static boolean overdue(Filing filing, LocalDate today) {
        if (filing.dueOn == null) {
            return false;
        }
        if (filing.status.isOpen()) {
            return today.isAfter(filing.dueOn);
        }
        return (filing.status == FilingStatus.APPROVED || filing.status == FilingStatus.REJECTED)
                && filing.decidedAt != null && LocalDate.ofInstant(filing.decidedAt, ChinaTime.ZONE).isAfter(filing.dueOn);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
