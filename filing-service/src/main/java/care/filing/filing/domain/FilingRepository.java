package care.filing.filing.domain;

import care.contracts.event.Sector;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FilingRepository implements PanacheRepositoryBase<Filing, UUID> {

    private final EntityManager em;

    public FilingRepository(EntityManager em) {
        this.em = em;
    }

    /** Reads a filing and locks its row until the transaction ends: concurrent decisions queue up behind it. */
    public Optional<Filing> lock(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** An institution's own filings, drafts included, newest first; with {@code applicantId}, only that account's. */
    public List<Filing> ofInstitution(String uscc, String applicantId, FilingStatus status, FilingType type,
                                      Page page) {
        Parameters params = Parameters.with("uscc", uscc);
        return find(ownWhere(applicantId, status, type, params) + " order by createdAt desc", params).page(page).list();
    }

    public long ofInstitutionCount(String uscc, String applicantId, FilingStatus status, FilingType type) {
        Parameters params = Parameters.with("uscc", uscc);
        return count(ownWhere(applicantId, status, type, params), params);
    }

    private static String ownWhere(String applicantId, FilingStatus status, FilingType type, Parameters params) {
        StringBuilder query = new StringBuilder("uscc = :uscc");
        if (applicantId != null) {
            query.append(" and applicantId = :applicantId");
            params.and("applicantId", applicantId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (type != null) {
            query.append(" and type = :type");
            params.and("type", type);
        }
        return query.toString();
    }

    /**
     * A reviewer's work queue (or a city's list): filings of a sector ({@code null}: both) and area (a division code
     * prefix) submitted at least once, the earliest deadline first; {@code overdueOn} set keeps only filings whose
     * deadline passed before that day.
     */
    public List<Filing> queue(QueueFilter filter, Page page) {
        Parameters params = staffParameters(filter.sector(), filter.divisionPrefix());
        return find(queueWhere(filter, params) + " order by dueOn nulls last, submittedAt, id", params).page(page).list();
    }

    /** How many filings the queue holds with these filters: the page says "共 N 件" and pages through them. */
    public long queueCount(QueueFilter filter) {
        Parameters params = staffParameters(filter.sector(), filter.divisionPrefix());
        return count(queueWhere(filter, params), params);
    }

    private static String queueWhere(QueueFilter f, Parameters params) {
        StringBuilder query = new StringBuilder(staff(f.sector(), f.divisionPrefix())).append(" and status in :statuses");
        params.and("statuses", f.statuses());
        if (f.type() != null) {
            query.append(" and type = :type");
            params.and("type", f.type());
        }
        if (f.overdueOn() != null) {
            query.append(" and dueOn < :today");
            params.and("today", f.overdueOn());
        }
        if (f.county() != null) {
            query.append(" and institution.divisionCode = :county");
            params.and("county", f.county());
        }
        String text = f.text() == null ? "" : f.text().replace("\\", "").replace("%", "").replace("_", "").strip();
        if (text.length() == 18 && text.chars().allMatch(Character::isLetterOrDigit)) { // a USCC
            query.append(" and uscc = :uscc");
            params.and("uscc", text.toUpperCase(java.util.Locale.ROOT));
        } else if (!text.isEmpty()) { // a fragment of the institution's name
            query.append(" and institution.name like :name");
            params.and("name", "%" + text + "%");
        }
        return query.toString();
    }

    /**
     * The filters of a work queue: sector ({@code null}: both) and area (a division code prefix) from the caller's
     * scope; statuses, type, {@code overdueOn} (deadline passed before that day), a county of the area, and a
     * text that is a USCC or a fragment of the institution's name.
     */
    public record QueueFilter(Sector sector, String divisionPrefix, List<FilingStatus> statuses, FilingType type,
                              LocalDate overdueOn, String county, String text) {
    }

    /**
     * What waits in a queue (sector {@code null}: both; area a division code prefix), counted in one pass: submitted
     * and not yet accepted, accepted, returned to the applicant; and of the first two (the ones the deadline runs
     * for), those due from {@code today} to {@code dueBy} and those whose deadline passed before {@code today}.
     */
    public Waiting waiting(Sector sector, String divisionPrefix, LocalDate today, LocalDate dueBy) {
        var query = em.createQuery("""
                        select coalesce(sum(case when status = :submitted then 1 else 0 end), 0),
                               coalesce(sum(case when status = :accepted then 1 else 0 end), 0),
                               coalesce(sum(case when status = :returned then 1 else 0 end), 0),
                               coalesce(sum(case when status in (:submitted, :accepted)
                                                 and dueOn >= :today and dueOn <= :dueBy then 1 else 0 end), 0),
                               coalesce(sum(case when status in (:submitted, :accepted)
                                                 and dueOn < :today then 1 else 0 end), 0)
                        from Filing where\s""" + staff(sector, divisionPrefix)
                + " and status in (:submitted, :accepted, :returned)", Object[].class)
                .setParameter("submitted", FilingStatus.SUBMITTED).setParameter("accepted", FilingStatus.ACCEPTED)
                .setParameter("returned", FilingStatus.RETURNED).setParameter("today", today)
                .setParameter("dueBy", dueBy);
        staffParameters(sector, divisionPrefix).map().forEach(query::setParameter);
        Object[] row = query.getSingleResult();
        return new Waiting(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
    }

    /** The counts of {@link #waiting}. */
    public record Waiting(long submitted, long accepted, long returned, long dueSoon, long overdue) {
    }

    /** Decided filings (approved or rejected) of a sector and area, decided in [from, to): time-to-decision figures. */
    public List<Filing> decidedIn(Sector sector, String divisionPrefix, Instant from, Instant to) {
        return find(staff(sector, divisionPrefix) + " and status in :statuses"
                        + " and decidedAt >= :from and decidedAt < :to and submittedAt is not null",
                staffParameters(sector, divisionPrefix)
                        .and("statuses", List.of(FilingStatus.APPROVED, FilingStatus.REJECTED))
                        .and("from", from).and("to", to)).list();
    }

    /** What others than the applicant may see: the area, the sector if one, and never a filing never submitted. */
    private static String staff(Sector sector, String divisionPrefix) {
        if (divisionPrefix == null) {
            throw new IllegalArgumentException("a staff list needs an area");
        }
        return "institution.divisionCode like :area and firstSubmittedAt is not null"
                + (sector != null ? " and institution.sector = :sector" : "");
    }

    private static Parameters staffParameters(Sector sector, String divisionPrefix) {
        Parameters params = Parameters.with("area", divisionPrefix + "%");
        return sector != null ? params.and("sector", sector) : params;
    }

    public List<FilingHistory> history(UUID filingId) {
        return em.createQuery("from FilingHistory where filingId = ?1 order by id", FilingHistory.class)
                .setParameter(1, filingId).getResultList();
    }

    public void deleteHistory(UUID filingId) {
        em.createQuery("delete from FilingHistory where filingId = ?1").setParameter(1, filingId).executeUpdate();
    }

    public void record(FilingHistory line) {
        em.persist(line);
    }

    public Optional<FiledInstitution> institution(String uscc, boolean lock) {
        return Optional.ofNullable(lock ? em.find(FiledInstitution.class, uscc, LockModeType.PESSIMISTIC_WRITE)
                : em.find(FiledInstitution.class, uscc));
    }

    public void save(FiledInstitution institution) {
        em.persist(institution);
    }

    /**
     * Issues the 备案回执 number of a filing: the next of its county and year, without gaps. Every pending write is
     * flushed first, so the counter row is locked by the last statements of the transaction only (this one and
     * what follows it before commit): approvals of one county queue on that lock, and the shorter it is held the
     * more of them fit in a second. The counter and the filing's number are written in one round trip. The lock
     * lasts until commit, so a rolled-back approval gives its number back.
     */
    public String issueReceipt(Filing filing, int year) {
        em.flush();
        String number = (String) em.createNativeQuery("""
                        with counter as (
                            insert into receipt_counter (division_code, year, last_value) values (?1, ?2, 1)
                            on conflict (division_code, year) do update set last_value = receipt_counter.last_value + 1
                            returning last_value)
                        update filing set receipt_number = ?3 || lpad(counter.last_value::text,
                                greatest(6, length(counter.last_value::text)), '0')
                        from counter where filing.id = ?4
                        returning filing.receipt_number""")
                .setParameter(1, filing.institution.divisionCode())
                .setParameter(2, year)
                .setParameter(3, filing.institution.divisionCode() + "-" + year + "-")
                .setParameter(4, filing.id)
                .getSingleResult();
        filing.receiptNumber = number; // the column is not Hibernate's to write: no second update of the row
        return number;
    }
}
