package care.subsidy.readmodel.event;

import care.contracts.event.EventEnvelope;
import care.contracts.event.InstitutionRegisteredV1;
import care.contracts.inbox.Inbox;
import care.subsidy.readmodel.domain.InstitutionView;
import care.subsidy.readmodel.domain.InstitutionViewRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/** Keeps the institution read model in step with the register; each event applied once (inbox). */
@ApplicationScoped
public class RegistryEventsConsumer {

    private final ObjectMapper json;
    private final Inbox inbox;
    private final InstitutionViewRepository views;

    public RegistryEventsConsumer(ObjectMapper json, Inbox inbox, InstitutionViewRepository views) {
        this.json = json;
        this.inbox = inbox;
        this.views = views;
    }

    @Incoming("registry-events")
    @Blocking
    @Transactional
    public void on(String record) throws JsonProcessingException {
        EventEnvelope event = json.readValue(record, EventEnvelope.class);
        if (!inbox.firstDelivery(event)) {
            return;
        }
        if (InstitutionRegisteredV1.TYPE.equals(event.type())) {
            registered(json.treeToValue(event.payload(), InstitutionRegisteredV1.class));
        }
    }

    private void registered(InstitutionRegisteredV1 registered) {
        InstitutionView view = views.findByIdOptional(registered.institutionId()).orElseGet(InstitutionView::new);
        view.institutionId = registered.institutionId();
        view.uscc = registered.uscc();
        view.name = registered.name();
        view.sector = registered.sector();
        view.kind = registered.kind();
        view.ownership = registered.ownership();
        view.cityCode = registered.cityCode();
        view.divisionCode = registered.divisionCode();
        view.filingStatus = "FILED";
        view.filingNumber = registered.filingNumber();
        view.filedOn = registered.filedOn();
        view.updatedAt = Instant.now();
        views.persist(view);
    }
}
