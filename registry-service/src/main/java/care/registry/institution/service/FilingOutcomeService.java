package care.registry.institution.service;

import care.contracts.division.Divisions;
import care.contracts.event.FilingApprovedV1;
import care.contracts.event.InstitutionSnapshotV1;
import care.contracts.event.SiteSnapshotV1;
import care.contracts.validation.Identifiers;
import care.registry.audit.service.AuditTrail;
import care.registry.institution.domain.FilingStatus;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionFacts;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.institution.event.InstitutionEvents;
import care.registry.site.domain.Site;
import care.registry.site.domain.SiteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies approved filings to the register: the only way 备案-controlled facts change.
 * <ul>
 * <li>NEW registers the institution (已备案) with its first site; CHANGE replaces the filed facts;
 * ADD_SITE adds a site in the institution's county; CLOSE marks it 已注销.</li>
 * <li>Every approval carries the full institution snapshot, so whichever arrives first creates the record, and
 * facts are replaced only by a filing approved later than the one they came from (approval day, then receipt
 * number): a late or replayed older filing never overwrites newer facts. Sites are keyed by the filing that
 * added them, and a CLOSE wins over any filing approved no later than it.</li>
 * <li>The first time an institution is held as 已备案 it is announced with InstitutionRegistered; every later
 * change with InstitutionChanged, carrying the whole current state.</li>
 * </ul>
 * Applied once per event through the inbox (see FilingEventsConsumer).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FilingOutcomeService {

    private static final Logger LOG = Logger.getLogger(FilingOutcomeService.class);
    static final String ACTOR = "filing-service";

    private final InstitutionRepository institutions;
    private final SiteRepository sites;
    private final InstitutionEvents events;
    private final AuditTrail audit;
    private final Event<InstitutionFirstRegistered> firstRegistered;

    public FilingOutcomeService(InstitutionRepository institutions, SiteRepository sites, InstitutionEvents events,
                                AuditTrail audit, Event<InstitutionFirstRegistered> firstRegistered) {
        this.institutions = institutions;
        this.sites = sites;
        this.events = events;
        this.audit = audit;
        this.firstRegistered = firstRegistered;
    }

    /** Fired (synchronously, in the transaction) when an institution enters the register. */
    public record InstitutionFirstRegistered(Institution institution) {
    }

    public void approved(FilingApprovedV1 filing) {
        String type = filing.filingType();
        if (!Objects.equals(type, "NEW") && !Objects.equals(type, "CHANGE") && !Objects.equals(type, "ADD_SITE")
                && !Objects.equals(type, "CLOSE")) {
            throw new IllegalArgumentException("unknown filing type " + type);
        }
        InstitutionSnapshotV1 snapshot = Objects.requireNonNull(filing.institution(), "institution snapshot");
        check(filing, snapshot);
        LocalDate day = filing.approvedOn();
        Institution institution = institutions.findByUscc(snapshot.uscc()).orElse(null);
        boolean created = institution == null;
        if (created) {
            institution = new Institution();
            institution.id = UUID.randomUUID();
            institution.uscc = snapshot.uscc();
            institution.createdAt = Instant.now();
            institution.filingStatus = FilingStatus.UNFILED;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("filingId", filing.filingId());
        detail.put("filingType", type);
        detail.put("receiptNumber", filing.receiptNumber());
        detail.put("approvedOn", day);

        boolean changed = false;
        if (!"CLOSE".equals(type) && institution.olderFactsThan(day, filing.receiptNumber())) {
            applyFacts(institution, snapshot, day, filing.receiptNumber());
            changed = true;
        } else if (!"CLOSE".equals(type)) {
            detail.put("facts", "older than the facts held; not applied");
        }

        switch (type) {
            case "NEW" -> {
                boolean refiled = institution.filingStatus == FilingStatus.CLOSED && institution.closedOn != null
                        && day.isAfter(institution.closedOn);
                // the 备案号 is the NEW filing's receipt, even when a later filing of the institution arrived first
                if (institution.filedOn == null || day.isBefore(institution.filedOn) || refiled) {
                    institution.filingNumber = filing.receiptNumber();
                    institution.filedOn = day;
                }
                changed |= reopenOrFile(institution, day);
            }
            case "CHANGE", "ADD_SITE" -> {
                if (institution.filedOn == null) { // arrived before its NEW: held as filed from this approval
                    institution.filingNumber = filing.receiptNumber();
                    institution.filedOn = day;
                }
                changed |= reopenOrFile(institution, day);
            }
            case "CLOSE" -> {
                if (created) {
                    applyFacts(institution, snapshot, day, filing.receiptNumber());
                    institution.filingNumber = filing.receiptNumber();
                    institution.filedOn = day;
                }
                if (institution.filingStatus != FilingStatus.CLOSED) {
                    institution.filingStatus = FilingStatus.CLOSED;
                    institution.closedOn = day;
                    changed = true;
                }
            }
            default -> throw new IllegalStateException(type);
        }
        institution.updatedAt = Instant.now();
        SiteSnapshotV1 site = filing.site();
        if (created) {
            // its only site is the one this filing adds: the capacity is known before the row is inserted, which
            // spares the (much indexed) row an update and the register a query
            institution.capacity = switch (type) {
                case "NEW" -> (site != null ? site : siteOf(snapshot)).capacity();
                case "ADD_SITE" -> site != null ? site.capacity() : 0;
                default -> 0;
            };
            institutions.persist(institution);
        }

        switch (type) {
            case "NEW" -> changed |= addSite(institution, created, filing, site != null ? site : siteOf(snapshot), true);
            case "ADD_SITE" -> {
                if (site == null) {
                    throw new IllegalArgumentException("ADD_SITE filing " + filing.filingId() + " carries no site");
                }
                changed |= addSite(institution, created, filing, site, false);
            }
            case "CHANGE" -> changed |= followChange(institution, snapshot, site, detail);
            default -> {
            }
        }
        int capacity = created ? institution.capacity : sites.filedCapacity(institution.id);
        if (capacity != institution.capacity) {
            institution.capacity = capacity;
            changed = true;
        }

        audit.record(ACTOR, "FILING_" + type + "_APPLIED", "institution", institution.id, institution, detail);
        if (created) {
            events.registered(institution);
            if (institution.filingStatus == FilingStatus.CLOSED) {
                events.changed(institution, day);
            } else {
                firstRegistered.fire(new InstitutionFirstRegistered(institution));
            }
        } else if (changed) {
            events.changed(institution, day);
        }
        LOG.debugf("filing %s (%s) applied to institution %s", filing.filingId(), type, institution.id);
    }

    /** A filing the register cannot hold is refused whole (the consumer sends it to the dead-letter topic). */
    private static void check(FilingApprovedV1 filing, InstitutionSnapshotV1 s) {
        if (!Identifiers.isValidUscc(s.uscc())) {
            throw new IllegalArgumentException("filing " + filing.filingId() + ": invalid USCC");
        }
        if (!Divisions.isCounty(s.divisionCode())
                || !Divisions.cityOf(s.divisionCode()).map(c -> c.equals(s.cityCode())).orElse(false)) {
            throw new IllegalArgumentException("filing " + filing.filingId() + ": division " + s.divisionCode()
                    + " is not a county of city " + s.cityCode());
        }
        if (s.kind() == null || s.sector() == null || s.kind().sector != s.sector() || s.ownership() == null) {
            throw new IllegalArgumentException("filing " + filing.filingId() + ": kind " + s.kind()
                    + " is not of sector " + s.sector());
        }
        if (filing.approvedOn() == null || filing.receiptNumber() == null) {
            throw new IllegalArgumentException("filing " + filing.filingId() + ": no approval day or receipt");
        }
    }

    private static boolean reopenOrFile(Institution institution, LocalDate day) {
        if (institution.filingStatus == FilingStatus.CLOSED) {
            if (institution.closedOn != null && day.isAfter(institution.closedOn)) {
                institution.filingStatus = FilingStatus.FILED; // filed again after 注销
                institution.closedOn = null;
                return true;
            }
            return false;
        }
        boolean was = institution.filingStatus == FilingStatus.FILED;
        institution.filingStatus = FilingStatus.FILED;
        return !was;
    }

    private static void applyFacts(Institution institution, InstitutionSnapshotV1 s, LocalDate day, String receipt) {
        institution.facts = InstitutionFacts.from(s);
        // the filed phone also replaces the one the institution keeps between filings, as it always has
        institution.contactPhone = s.contactPhone();
        institution.factsFiledOn = day;
        institution.factsReceipt = receipt;
    }

    private static SiteSnapshotV1 siteOf(InstitutionSnapshotV1 s) {
        return new SiteSnapshotV1(s.name(), s.divisionCode(), s.address(), s.capacity());
    }

    /** @param created the institution was created by this filing: it has no sites yet, none to look up */
    private boolean addSite(Institution institution, boolean created, FilingApprovedV1 filing, SiteSnapshotV1 snapshot,
                            boolean main) {
        if (!created && sites.byFiling(filing.filingId()).isPresent()) {
            return false;
        }
        if (!snapshot.divisionCode().equals(institution.facts.divisionCode)) {
            // seed 000 §25: only sites under the same county registrar belong to one institution
            LOG.warnf("filing %s adds a site in %s to an institution of %s; recorded as filed", filing.filingId(),
                    snapshot.divisionCode(), institution.facts.divisionCode);
        }
        if (main && !created && sites.mainOf(institution.id).isPresent()) {
            main = false;
        }
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.institutionId = institution.id;
        site.filingId = filing.filingId();
        site.main = main;
        site.name = snapshot.name();
        site.divisionCode = snapshot.divisionCode();
        site.address = snapshot.address();
        site.filedCapacity = snapshot.capacity();
        site.filingNumber = filing.receiptNumber();
        site.createdAt = Instant.now();
        site.updatedAt = site.createdAt;
        site.updatedBy = ACTOR;
        sites.persist(site);
        sites.flush();
        return true;
    }

    /** A 变更备案 moves the main site along with the registered address; its capacity if the filing names one. */
    private boolean followChange(Institution institution, InstitutionSnapshotV1 snapshot, SiteSnapshotV1 site,
                                 Map<String, Object> detail) {
        if (!Objects.equals(institution.factsReceipt, detail.get("receiptNumber"))) {
            return false; // an older change: the main site keeps the newer facts too
        }
        Site main = sites.mainOf(institution.id).orElse(null);
        if (main == null) {
            return false;
        }
        main.name = snapshot.name();
        main.divisionCode = snapshot.divisionCode();
        main.address = snapshot.address();
        int filed = site != null ? site.capacity()
                : sites.ofInstitution(institution.id).size() == 1 ? snapshot.capacity() : main.filedCapacity;
        main.filedCapacity = filed;
        main.updatedAt = Instant.now();
        main.updatedBy = ACTOR;
        sites.flush();
        return true;
    }
}
