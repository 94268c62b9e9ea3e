package care.filing.filing.service;

import care.contracts.ChinaTime;
import care.contracts.division.Divisions;
import care.contracts.event.FilingReturnedV1;
import care.contracts.event.Sector;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;
import care.contracts.security.Caller;
import care.filing.access.Access;
import care.filing.access.FilingScope;
import care.filing.filing.domain.FiledInstitution;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.FilingHistory;
import care.filing.filing.domain.FilingRepository;
import care.filing.filing.domain.FilingStatus;
import care.filing.filing.domain.FilingType;
import care.filing.filing.domain.InstitutionFacts;
import care.filing.filing.event.FilingEvents;
import care.filing.material.domain.MaterialCatalogue;
import care.filing.material.domain.MaterialRepository;
import care.filing.material.domain.MaterialSummary;
import care.filing.rules.FilingRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The 备案 workflow as the applicant and the reviewer drive it. Every change locks the filing's row first, so
 * two reviewers acting at once are serialised: the second finds the new status and gets a 409. Access rules are in
 * {@link Access}; the state machine in {@link care.filing.filing.domain.FilingStatus}.
 */
@ApplicationScoped
@Transactional
public class FilingService {

    private static final List<FilingStatus> OPEN = List.of(FilingStatus.SUBMITTED, FilingStatus.ACCEPTED);
    /** The fields a 补正 item may name. */
    public static final Set<String> FIELDS = Set.of("institutionName", "kind", "ownership", "address",
            "legalRepresentative", "contactPhone", "capacity", "nursingBeds", "siteName", "siteAddress", "siteCapacity",
            "closeReason");

    private final FilingRepository filings;
    private final MaterialRepository materials;
    private final Access access;
    private final Approvals approvals;
    private final Workflow workflow;
    private final MaterialCatalogue catalogue;
    private final FilingEvents events;
    private final Caller caller;
    private final ObjectMapper json;
    private final FilingRules rules;

    public FilingService(FilingRepository filings, MaterialRepository materials, Access access, Approvals approvals,
                         Workflow workflow, MaterialCatalogue catalogue, FilingEvents events, Caller caller,
                         ObjectMapper json, FilingRules rules) {
        this.filings = filings;
        this.materials = materials;
        this.access = access;
        this.approvals = approvals;
        this.workflow = workflow;
        this.catalogue = catalogue;
        this.events = events;
        this.caller = caller;
        this.json = json;
        this.rules = rules;
    }

    /** What a plan says the reviewer must see on this filing (filing/review-flags.tsv), each with its sentence. */
    public List<FilingRules.Flag> reviewFlags(Filing filing) {
        return rules.flags(filing);
    }

    // ---- applicant ----

    /**
     * Starts a draft. {@code invalid} is what the API's format checks found in the same input: it is refused together
     * with what the rules of the type find, every violation at once.
     */
    public Filing createDraft(FilingDraft draft, List<Violation> invalid) {
        List<Violation> violations = checkable(draft, invalid);
        boolean usccValid = violations.stream().noneMatch(v -> v.field().equals("uscc"));
        if (usccValid) {
            access.mayFile(draft.type(), draft.uscc(), draft.sector(), draft.divisionCode());
        }
        Filing filing = new Filing();
        filing.id = UUID.randomUUID();
        filing.type = draft.type();
        filing.uscc = draft.uscc();
        filing.status = FilingStatus.DRAFT;
        fill(filing, draft, violations);
        filing.applicant = caller.name();
        filing.applicantId = caller.subject();
        filing.createdAt = Instant.now();
        filings.persist(filing);
        workflow.note(filing, "CREATE", caller.name(), null, filing.createdAt);
        return filing;
    }

    /** Edits a draft or a returned filing; the type and the institution cannot change. {@code invalid} as above. */
    public Filing update(UUID id, long expectedVersion, FilingDraft draft, List<Violation> invalid) {
        List<Violation> violations = checkable(draft, invalid);
        Filing filing = access.asApplicant(access.locked(id));
        checkVersion(filing, expectedVersion);
        if (!filing.status.isEditable()) {
            throw ProblemException.conflict("NOT_EDITABLE", "当前状态（" + filing.status.label + "）不能修改",
                    "only a draft or a returned filing can be edited");
        }
        if (draft.type() != filing.type || !draft.uscc().equals(filing.uscc)) {
            violations.add(new Violation("type", "备案类型和统一社会信用代码不能修改，请新建备案"));
            throw invalid(violations);
        }
        access.mayFile(draft.type(), draft.uscc(), draft.sector(), draft.divisionCode());
        fill(filing, draft, violations);
        workflow.note(filing, "EDIT", caller.name(), null, Instant.now());
        return filing;
    }

    /** Submits (or resubmits after 补正); refused while a required material is missing. */
    public Filing submit(UUID id, long expectedVersion) {
        Filing filing = access.asApplicant(access.locked(id));
        checkVersion(filing, expectedVersion);
        if (!filing.status.canMoveTo(FilingStatus.SUBMITTED)) {
            filing.moveTo(FilingStatus.SUBMITTED); // throws ILLEGAL_TRANSITION
        }
        Set<String> uploaded = materials.summaries(id).stream().map(MaterialSummary::code).collect(Collectors.toSet());
        List<Violation> missing = catalogue.checklist(filing.institution.sector(), filing.type).stream()
                .filter(item -> item.required() && !uploaded.contains(item.code()))
                .map(item -> new Violation("materials." + item.code(), "缺少必备材料：" + item.name()))
                .toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.of(422, "MATERIALS_MISSING", "必备材料不齐全，不能提交",
                    missing.size() + " required material(s) missing").withViolations(missing));
        }
        requireInstitutionState(filing);
        boolean again = filing.status == FilingStatus.RETURNED;
        workflow.move(filing, FilingStatus.SUBMITTED, again ? "RESUBMIT" : "SUBMIT", caller.name(), null, Instant.now());
        return filing;
    }

    public Filing withdraw(UUID id, long expectedVersion, String comment) {
        Filing filing = access.asApplicant(access.locked(id));
        checkVersion(filing, expectedVersion);
        workflow.move(filing, FilingStatus.WITHDRAWN, "WITHDRAW", caller.name(), comment, Instant.now());
        if (!Access.everSubmitted(filing)) {
            return filing; // a draft never submitted was nobody's business but the applicant's: no event either
        }
        events.withdrawn(filing, Workflow.blankToNull(comment));
        return filing;
    }

    /**
     * Throws a draft away, with its materials and history: only a DRAFT never submitted, which was nobody's business
     * but the applicant's (see {@link Access}), so nothing is published. Anything once submitted stays on record
     * (withdraw it instead): 409.
     */
    public void deleteDraft(UUID id, long expectedVersion) {
        Filing filing = access.asApplicant(access.locked(id));
        checkVersion(filing, expectedVersion);
        if (filing.status != FilingStatus.DRAFT || Access.everSubmitted(filing)) {
            throw ProblemException.conflict("NOT_A_DRAFT", "只有未提交过的草稿可以删除",
                    "filing is " + filing.status + "; only a draft never submitted may be deleted");
        }
        materials.delete("key.filingId", id);
        filings.deleteHistory(id);
        filings.delete(filing);
    }

    // ---- reviewer ----

    public Filing accept(UUID id, long expectedVersion, String comment) {
        Filing filing = access.asReviewer(access.locked(id));
        checkVersion(filing, expectedVersion);
        approvals.accept(filing, caller.name(), comment, Instant.now());
        return filing;
    }

    public Filing approve(UUID id, long expectedVersion, String comment) {
        Filing filing = access.asReviewer(access.locked(id));
        checkVersion(filing, expectedVersion);
        approvals.approve(filing, caller.name(), comment, Instant.now());
        return filing;
    }

    public Filing reject(UUID id, long expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("comment", "不予备案必须填写理由");
        }
        Filing filing = access.asReviewer(access.locked(id));
        checkVersion(filing, expectedVersion);
        workflow.move(filing, FilingStatus.REJECTED, "REJECT", caller.name(), reason, Instant.now());
        events.rejected(filing, reason.strip());
        return filing;
    }

    /** 补正: back to the applicant with what to correct, item by item. {@code invalid} as for a draft. */
    public Filing returnForCorrection(UUID id, long expectedVersion, Correction correction, List<Violation> invalid) {
        List<Violation> violations = new ArrayList<>(invalid);
        Filing filing = access.asReviewer(access.locked(id));
        checkVersion(filing, expectedVersion);
        List<FilingReturnedV1.Item> items = new ArrayList<>();
        List<Correction.Item> given = correction.items() == null ? List.of() : correction.items();
        for (int i = 0; i < given.size(); i++) {
            Correction.Item item = given.get(i);
            String path = "items[" + i + "]";
            if (item == null) {
                violations.add(new Violation(path, "不能为空"));
                continue;
            }
            boolean hasMaterial = item.material() != null && !item.material().isBlank();
            boolean hasField = item.field() != null && !item.field().isBlank();
            if (hasMaterial == hasField) {
                violations.add(new Violation(path, "每项须且只能指明一项材料（material）或一个字段（field）"));
            } else if (hasMaterial
                    && catalogue.item(filing.institution.sector(), filing.type, item.material()).isEmpty()) {
                violations.add(new Violation(path + ".material", "不是本类备案的材料：" + item.material()));
            } else if (hasField && !FIELDS.contains(item.field())) {
                violations.add(new Violation(path + ".field", "未知字段：" + item.field()));
            }
            items.add(new FilingReturnedV1.Item(hasMaterial ? item.material().strip() : null,
                    hasField ? item.field().strip() : null, item.reason() == null ? null : item.reason().strip()));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        String itemsJson = write(items);
        workflow.move(filing, FilingStatus.RETURNED, "RETURN", caller.name(),
                Workflow.blankToNull(correction.comment()) == null ? itemsJson
                        : correction.comment().strip() + "\n" + itemsJson,
                Instant.now());
        filing.returnItems = itemsJson;
        events.returned(filing, Workflow.blankToNull(correction.comment()), items);
        return filing;
    }

    // ---- reading ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public Filing get(UUID id) {
        return access.visible(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FilingHistory> history(UUID id) {
        access.visible(id);
        return filings.history(id);
    }

    public List<FilingReturnedV1.Item> returnItems(Filing filing) {
        if (filing.returnItems == null) {
            return List.of();
        }
        try {
            return json.readValue(filing.returnItems, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("return items of " + filing.id + " unreadable", e);
        }
    }

    /**
     * An institution's own filings (newest first); or a reviewer's work queue, earliest deadline first: open
     * filings unless a status is asked for; {@code overdue} keeps only those past their deadline. City admins and
     * auditors see the same over their whole city and both sectors. Who sees what is {@link Access#listScope}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Filing> list(FilingStatus status, FilingType type, boolean overdue, String county, String text,
                             Page page) {
        FilingScope scope = access.listScope();
        if (scope.ownFilings()) {
            return filings.ofInstitution(scope.uscc(), scope.applicantId(), status, type, page);
        }
        return filings.queue(queueFilter(scope, status, type, overdue, county, text), page);
    }

    /** How many filings {@link #list} pages through: the institution's own, or the queue with these filters. */
    public long count(FilingStatus status, FilingType type, boolean overdue, String county, String text) {
        FilingScope scope = access.listScope();
        if (scope.ownFilings()) {
            return filings.ofInstitutionCount(scope.uscc(), scope.applicantId(), status, type);
        }
        return filings.queueCount(queueFilter(scope, status, type, overdue, county, text));
    }

    private static FilingRepository.QueueFilter queueFilter(FilingScope scope, FilingStatus status, FilingType type,
                                                            boolean overdue, String county, String text) {
        return new FilingRepository.QueueFilter(scope.sector(), scope.divisionPrefix(),
                status == null ? OPEN : List.of(status), type, overdue ? ChinaTime.today() : null, county, text);
    }

    // ---- helpers ----

    /**
     * The violations so far, to add to; a draft without a type or a USCC cannot be checked further and is refused
     * with what the format checks found.
     */
    private static List<Violation> checkable(FilingDraft draft, List<Violation> invalid) {
        if (draft.type() == null || draft.uscc() == null) {
            throw invalid(invalid);
        }
        return new ArrayList<>(invalid);
    }

    /** Copies the request onto the filing, by type; refuses with every violation at once. */
    private void fill(Filing filing, FilingDraft r, List<Violation> violations) {
        if (filing.type == FilingType.NEW) {
            require(violations, "sector", r.sector());
            require(violations, "institutionName", r.institutionName());
            require(violations, "kind", r.kind());
            require(violations, "ownership", r.ownership());
            require(violations, "divisionCode", r.divisionCode());
            require(violations, "address", r.address());
            require(violations, "legalRepresentative", r.legalRepresentative());
            require(violations, "contactPhone", r.contactPhone());
            require(violations, "capacity", r.capacity());
            forbid(violations, r, "siteName", r.siteName(), "siteAddress", r.siteAddress(), "siteCapacity",
                    r.siteCapacity(), "closeReason", r.closeReason());
            if (r.kind() != null && r.sector() != null && r.kind().sector != r.sector()) {
                violations.add(new Violation("kind", "机构类型“" + r.kind().label + "”不属于" + r.sector().label));
            }
            violations.addAll(rules.contradictions(r.kind(), r.ownership()));
            nursingBeds(violations, r, r.sector(), r.capacity());
            if (!violations.isEmpty()) {
                throw invalid(violations);
            }
            filing.institution = new InstitutionFacts(r.sector(), r.institutionName().strip(), r.kind(), r.ownership(),
                    Divisions.cityOf(r.divisionCode()).orElseThrow(), r.divisionCode(), r.address().strip(),
                    r.legalRepresentative().strip(), r.contactPhone().strip(), r.capacity());
            filing.nursingBeds = r.nursingBeds();
            filing.statesBeds = true;
            return;
        }
        InstitutionFacts filed = filings.institution(r.uscc(), false)
                .filter(i -> i.status == FiledInstitution.Status.FILED).map(i -> i.facts).orElse(null);
        if (filed == null) {
            violations.add(new Violation("uscc", "该机构尚未备案或已注销，只能办理新设备案"));
            throw invalid(violations);
        }
        if (r.sector() != null && r.sector() != filed.sector()) {
            violations.add(new Violation("sector", "与已备案机构的领域（" + filed.sector().label + "）不符"));
        }
        switch (filing.type) {
            case CHANGE -> {
                forbid(violations, r, "siteName", r.siteName(), "siteAddress", r.siteAddress(), "siteCapacity",
                        r.siteCapacity(), "closeReason", r.closeReason());
                if (r.divisionCode() != null && !r.divisionCode().equals(filed.divisionCode())) {
                    violations.add(new Violation("divisionCode",
                            "变更备案不能改变所在县（区）；迁往其他县（区）请注销后在当地新设备案"));
                }
                if (r.kind() != null && r.kind().sector != filed.sector()) {
                    violations.add(new Violation("kind", "机构类型“" + r.kind().label + "”不属于"
                            + filed.sector().label));
                }
                blankIfGiven(violations, "institutionName", r.institutionName());
                blankIfGiven(violations, "address", r.address());
                blankIfGiven(violations, "legalRepresentative", r.legalRepresentative());
                violations.addAll(rules.contradictions(r.kind() != null ? r.kind() : filed.kind(),
                        r.ownership() != null ? r.ownership() : filed.ownership()));
                nursingBeds(violations, r, filed.sector(), r.capacity() != null ? r.capacity() : filed.capacity());
                if (r.institutionName() == null && r.kind() == null && r.ownership() == null && r.address() == null
                        && r.legalRepresentative() == null && r.contactPhone() == null && r.capacity() == null
                        && r.nursingBeds() == null) {
                    violations.add(new Violation("institutionName", "变更备案须至少填写一项变更内容"));
                }
            }
            case ADD_SITE -> {
                forbidInstitutionFields(violations, r);
                forbid(violations, r, "closeReason", r.closeReason());
                nursingBeds(violations, r, filed.sector(), r.siteCapacity());
                require(violations, "siteAddress", r.siteAddress());
                require(violations, "siteCapacity", r.siteCapacity());
                blankIfGiven(violations, "siteName", r.siteName());
            }
            case CLOSE -> {
                forbidInstitutionFields(violations, r);
                forbid(violations, r, "siteName", r.siteName(), "siteAddress", r.siteAddress(), "siteCapacity",
                        r.siteCapacity(), "nursingBeds", r.nursingBeds());
                require(violations, "closeReason", r.closeReason());
            }
            default -> throw new IllegalStateException();
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        // the county and the sector stay as filed; what the draft leaves out too
        filing.institution = new InstitutionFacts(filed.sector(),
                r.institutionName() != null ? r.institutionName().strip() : filed.name(),
                r.kind() != null ? r.kind() : filed.kind(),
                r.ownership() != null ? r.ownership() : filed.ownership(),
                filed.cityCode(), filed.divisionCode(),
                r.address() != null ? r.address().strip() : filed.address(),
                r.legalRepresentative() != null ? r.legalRepresentative().strip() : filed.legalRepresentative(),
                r.contactPhone() != null ? r.contactPhone().strip() : filed.contactPhone(),
                r.capacity() != null ? r.capacity() : filed.capacity());
        filing.nursingBeds = r.nursingBeds();
        filing.statesBeds = filing.type == FilingType.ADD_SITE
                || filing.type == FilingType.CHANGE && (r.capacity() != null || r.nursingBeds() != null);
        if (filing.type == FilingType.ADD_SITE) {
            filing.siteName = r.siteName() != null ? r.siteName().strip() : filed.name();
            filing.siteAddress = r.siteAddress().strip();
            filing.siteCapacity = r.siteCapacity();
        }
        if (filing.type == FilingType.CLOSE) {
            filing.closeReason = r.closeReason().strip();
        }
    }

    /** NEW needs no current 备案 of this USCC; the other types need one. Checked again on approval. */
    private void requireInstitutionState(Filing filing) {
        boolean filed = filings.institution(filing.uscc, false)
                .map(i -> i.status == FiledInstitution.Status.FILED).orElse(false);
        if (filing.type == FilingType.NEW && filed) {
            throw ProblemException.conflict("ALREADY_FILED", "该机构已备案",
                    "institution " + filing.uscc + " is already filed; use a CHANGE, ADD_SITE or CLOSE filing");
        }
        if (filing.type != FilingType.NEW && !filed) {
            throw ProblemException.conflict("NOT_FILED", "该机构尚未备案或已注销",
                    "institution " + filing.uscc + " has no current 备案");
        }
    }

    /** 护理型床位 are beds of a 养老机构, and no more than the beds they are part of. */
    private static void nursingBeds(List<Violation> violations, FilingDraft r, Sector sector, Integer beds) {
        if (r.nursingBeds() == null) {
            return;
        }
        if (sector != null && sector != Sector.ELDERLY) {
            violations.add(new Violation("nursingBeds", "护理型床位只适用于养老机构"));
        } else if (beds != null && r.nursingBeds() > beds) {
            violations.add(new Violation("nursingBeds", "护理型床位数不能多于床位数（" + beds + "）"));
        }
    }

    private static void require(List<Violation> violations, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            violations.add(new Violation(field, "不能为空"));
        }
    }

    private static void blankIfGiven(List<Violation> violations, String field, String value) {
        if (value != null && value.isBlank()) {
            violations.add(new Violation(field, "不能为空白"));
        }
    }

    private static void forbid(List<Violation> violations, FilingDraft r, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                violations.add(new Violation((String) namesAndValues[i], "此类备案（" + r.type() + "）不填写该项"));
            }
        }
    }

    private static void forbidInstitutionFields(List<Violation> violations, FilingDraft r) {
        forbid(violations, r, "institutionName", r.institutionName(), "kind", r.kind(), "ownership", r.ownership(),
                "divisionCode", r.divisionCode(), "address", r.address(), "legalRepresentative",
                r.legalRepresentative(), "contactPhone", r.contactPhone(), "capacity", r.capacity());
    }

    static ProblemException invalid(List<Violation> violations) {
        List<Violation> sorted = violations.stream().sorted(Comparator.comparing(Violation::field)).toList();
        return new ProblemException(Problem.of(400, "VALIDATION_FAILED", "提交的数据未通过校验",
                sorted.size() + " field(s) invalid").withViolations(sorted));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Optimistic locking made explicit: the client says which version it decided on (If-Match). */
    static void checkVersion(Filing filing, long expected) {
        if (expected >= 0 && filing.version != expected) {
            throw ProblemException.conflict("VERSION_MISMATCH", "记录已被他人修改",
                    "filing is at version " + filing.version + ", not " + expected + "; reload and try again");
        }
    }
}
