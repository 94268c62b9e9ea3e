package care.filing.material.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MaterialRepository implements PanacheRepositoryBase<Material, Material.Key> {

    /** What a filing has uploaded, without the bytes. */
    public List<MaterialSummary> summaries(UUID filingId) {
        return getEntityManager().createQuery("select new care.filing.material.domain.MaterialSummary(m.key.code, "
                                + "m.fileName, m.contentType, m.sizeBytes, m.sha256, m.uploadedBy, m.uploadedAt) "
                                + "from Material m where m.key.filingId = ?1", MaterialSummary.class)
                .setParameter(1, filingId).getResultList();
    }

    public Optional<Material> find(UUID filingId, String code) {
        return findByIdOptional(new Material.Key(filingId, code));
    }
}
