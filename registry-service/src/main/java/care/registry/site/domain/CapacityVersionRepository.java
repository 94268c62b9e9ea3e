package care.registry.site.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CapacityVersionRepository implements PanacheRepository<CapacityVersion> {
}
