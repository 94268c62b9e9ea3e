package care.subsidy.batch.domain;

import care.subsidy.access.Scope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PaymentBatchRepository implements PanacheRepositoryBase<PaymentBatch, UUID> {

    public Optional<PaymentBatch> openOf(String programmeCode) {
        return find("programmeCode = ?1 and status in ?2", programmeCode,
                List.of(BatchStatus.GENERATING, BatchStatus.GENERATED, BatchStatus.APPROVED)).firstResultOptional();
    }

    public int nextSeq(String programmeCode, String period) {
        Integer max = getEntityManager().createQuery(
                        "select max(b.seq) from PaymentBatch b where b.programmeCode = ?1 and b.period = ?2", Integer.class)
                .setParameter(1, programmeCode).setParameter(2, period).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /** Batches in the caller's scope: its city, its department's programmes; finance: released ones only. */
    public List<PaymentBatch> search(Scope scope, String programmeCode, String period, List<BatchStatus> statuses,
                                     Page page) {
        StringBuilder q = new StringBuilder("cityCode = :city and programmeCode in "
                + "(select p.code from Programme p where p.cityCode = :city and p.sector in :sectors)");
        Map<String, Object> params = new HashMap<>();
        params.put("city", scope.cityCode());
        params.put("sectors", new ArrayList<>(scope.sectors()));
        if (scope.releasedOnly()) {
            q.append(" and status = :released");
            params.put("released", BatchStatus.RELEASED);
        }
        if (programmeCode != null) {
            q.append(" and programmeCode = :programme");
            params.put("programme", programmeCode);
        }
        if (period != null) {
            q.append(" and period = :period");
            params.put("period", period);
        }
        if (statuses != null && !statuses.isEmpty()) {
            q.append(" and status in :statuses");
            params.put("statuses", new ArrayList<>(statuses));
        }
        q.append(" order by createdAt desc, id");
        return find(q.toString(), params).page(page).list();
    }

    public List<PaymentBatch> stalled(java.time.Instant before) {
        return list("status = ?1 and (heartbeatAt is null or heartbeatAt < ?2)", BatchStatus.GENERATING, before);
    }
}
