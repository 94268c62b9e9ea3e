package care.filing.statistics.service;

import care.contracts.ChinaTime;
import care.filing.access.Access;
import care.filing.access.FilingScope;
import care.filing.filing.domain.FilingRepository;
import care.filing.rules.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * 待办: what waits in the caller's queue (the same filings {@link Access#queueScope} lets them list), for the review
 * page and the count in the portal's navigation.
 * <p>
 * "Near its deadline" is not a window of our own making: the policy data (time-limits.tsv) sets only the limit
 * itself, 5 working days for most filings, and names no warning period. So a filing counts as near when it is due
 * today or on the next working day (holidays.tsv): the last working day on which deciding it is still on time, or
 * the one before it. Past its deadline is due before today, as the queue's own overdue filter says.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QueueCounts {

    /**
     * @param awaitingAcceptance submitted, not yet accepted (待受理)
     * @param inReview           accepted, not yet decided (审查中)
     * @param returned           returned for correction, waiting for the institution (退回待补正)
     * @param dueSoon            awaiting acceptance or in review, due from {@code today} to {@code dueSoonBy}
     * @param overdue            awaiting acceptance or in review, due before {@code today}
     * @param waiting            what the reviewer has to act on: awaiting acceptance and in review
     */
    public record Summary(LocalDate today, LocalDate dueSoonBy, long awaitingAcceptance, long inReview,
                          long returned, long dueSoon, long overdue, long waiting) {
    }

    private final FilingRepository filings;
    private final Access access;
    private final WorkingCalendar calendar;

    public QueueCounts(FilingRepository filings, Access access, WorkingCalendar calendar) {
        this.filings = filings;
        this.access = access;
        this.calendar = calendar;
    }

    public Summary ofCaller() {
        FilingScope scope = access.queueScope();
        LocalDate today = ChinaTime.today();
        LocalDate dueBy = calendar.addWorkingDays(today, 1);
        FilingRepository.Waiting w = filings.waiting(scope.sector(), scope.divisionPrefix(), today, dueBy);
        return new Summary(today, dueBy, w.submitted(), w.accepted(), w.returned(), w.dueSoon(), w.overdue(),
                w.submitted() + w.accepted());
    }
}
