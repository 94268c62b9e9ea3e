package care.registry.supervision.service;

import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;
import care.registry.access.Bounds;
import care.registry.audit.service.AuditTrail;
import care.registry.institution.domain.Institution;
import care.registry.supervision.domain.Inspection;
import care.registry.supervision.domain.InspectionRepository;
import care.registry.supervision.domain.InspectionResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Records inspections; the latest one that gives a credit level sets the institution's. */
@ApplicationScoped
@Transactional
public class SupervisionService {

    private final InspectionRepository inspections;
    private final AuditTrail audit;

    public SupervisionService(InspectionRepository inspections, AuditTrail audit) {
        this.inspections = inspections;
        this.audit = audit;
    }

    public Inspection record(Institution institution, InspectionDetails r, String actor) {
        long fine = r.fineFen() == null ? 0 : r.fineFen();
        if (fine > 0 && r.result() != InspectionResult.PENALISED) {
            throw ProblemException.invalid("fineFen", "只有结果为行政处罚时才能记录罚款");
        }
        if (r.result() == InspectionResult.PENALISED && (r.penalty() == null || r.penalty().isBlank())) {
            throw ProblemException.invalid("penalty", "行政处罚须写明处罚内容");
        }
        List<Violation> dates = new ArrayList<>();
        Bounds.date(dates, "inspectedOn", r.inspectedOn()); // a year the database cannot store is a 400, not a 500
        ProblemException.refuseIfAny(dates);
        Inspection i = new Inspection();
        i.id = UUID.randomUUID();
        i.institutionId = institution.id;
        i.inspectedOn = r.inspectedOn();
        i.method = r.method();
        i.inspectorOrg = r.inspectorOrg().strip();
        i.result = r.result();
        i.findings = r.findings();
        i.penalty = r.penalty();
        i.fineFen = fine;
        i.creditLevel = r.creditLevel();
        i.disclosed = r.disclosed() == null || r.disclosed();
        i.recordedBy = actor;
        i.recordedAt = Instant.now();
        inspections.persist(i);
        if (i.creditLevel != null) { // the most recent inspection giving a level decides, whatever order they come in
            inspections.flush();
            institution.creditLevel = inspections.find("institutionId = ?1 and creditLevel is not null"
                            + " order by inspectedOn desc, recordedAt desc", institution.id)
                    .firstResult().creditLevel.name();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("inspectedOn", i.inspectedOn);
        detail.put("method", i.method);
        detail.put("result", i.result);
        detail.put("fineFen", i.fineFen);
        detail.put("creditLevel", i.creditLevel);
        detail.put("disclosed", i.disclosed);
        audit.record(actor, "INSPECTION_RECORDED", "inspection", i.id, institution, detail);
        return i;
    }
}
