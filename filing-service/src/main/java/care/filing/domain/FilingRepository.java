package care.filing.domain;

import care.contracts.event.Sector;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FilingRepository implements PanacheRepositoryBase<Filing, UUID> {

    private final EntityManager em;

    public FilingRepository(EntityManager em) {
        this.em = em;
    }

    public List<Filing> ofInstitution(String uscc, Page page) {
        return find("uscc = ?1 order by createdAt desc", uscc).page(page).list();
    }

    /** A reviewer's work queue: their sector, the counties they cover (by code prefix), oldest first. */
    public List<Filing> queue(Sector sector, String divisionPrefix, List<FilingStatus> statuses, Page page) {
        return find("sector = ?1 and divisionCode like ?2 and status in ?3 order by submittedAt",
                sector, divisionPrefix + "%", statuses).page(page).list();
    }

    /** The next 备案回执 sequence number of a county and year; locks that counter until the transaction ends. */
    public int nextReceiptSequence(String divisionCode, int year) {
        Number value = (Number) em.createNativeQuery("""
                        insert into receipt_counter (division_code, year, last_value) values (?1, ?2, 1)
                        on conflict (division_code, year) do update set last_value = receipt_counter.last_value + 1
                        returning last_value""")
                .setParameter(1, divisionCode)
                .setParameter(2, year)
                .getSingleResult();
        return value.intValue();
    }
}
