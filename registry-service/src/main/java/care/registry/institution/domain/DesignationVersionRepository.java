package care.registry.institution.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DesignationVersionRepository implements PanacheRepository<DesignationVersion> {
}
