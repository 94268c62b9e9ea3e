package care.subsidy;

import care.contracts.event.CaregiverChangedV1;
import care.contracts.event.CertificateGrade;
import care.contracts.event.CertificateType;
import care.contracts.event.EventEnvelope;
import care.contracts.event.InstitutionChangedV1;
import care.contracts.event.InstitutionKind;
import care.contracts.event.InstitutionRegisteredV1;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.contracts.event.StaffRole;
import care.deploy.TestTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;

/** Plays the registry: publishes its events to registry-events on the real broker, as the contract records. */
public final class Registry {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final List<UUID> published = new ArrayList<>();
    private final List<String[]> sent = new ArrayList<>();

    public record Institution(UUID id, String uscc, String name, Sector sector, InstitutionKind kind,
                              Ownership ownership, String cityCode, String divisionCode) {
    }

    /** Registered as events published before 2026-12-02 were: without its capacity. */
    public Institution institution(String county, Ownership ownership, Sector sector, LocalDate filedOn) {
        return institution(county, ownership, sector, filedOn, null);
    }

    public Institution institution(String county, Ownership ownership, Sector sector, LocalDate filedOn,
                                   Integer capacity) {
        return institution(county, ownership,
                sector == Sector.ELDERLY ? InstitutionKind.PRIVATE_CARE_HOME : InstitutionKind.FULL_DAYCARE, filedOn,
                capacity);
    }

    public Institution institution(String county, Ownership ownership, InstitutionKind kind, LocalDate filedOn,
                                   Integer capacity) {
        UUID id = UUID.randomUUID();
        String uscc = "5253" + String.format("%014d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Sector sector = kind.sector;
        Institution i = new Institution(id, uscc, (sector == Sector.ELDERLY ? "测试养老院" : "测试托育园") + id.toString()
                .substring(0, 6), sector, kind, ownership, county.substring(0, 4) + "00", county);
        publish(InstitutionRegisteredV1.TYPE, id, i.cityCode, county, new InstitutionRegisteredV1(id, uscc, i.name,
                sector, kind, ownership, i.cityCode, county, county + "-2026-" + id.toString().substring(0, 6), filedOn, capacity));
        return i;
    }

    public void changed(Institution i, String filingStatus, LocalDate effectiveOn, int capacity) {
        changed(i, filingStatus, effectiveOn, capacity, false, false);
    }

    /** A change carrying the register's 普惠 and 示范 designations. */
    public void changed(Institution i, String filingStatus, LocalDate effectiveOn, int capacity, boolean inclusive,
                        boolean demonstration) {
        publish(InstitutionChangedV1.TYPE, i.id, i.cityCode, i.divisionCode, new InstitutionChangedV1(i.id, i.uscc,
                i.name, i.sector, i.kind, i.ownership, i.cityCode, i.divisionCode, filingStatus, effectiveOn, capacity,
                inclusive, demonstration));
    }

    /** A fresh person (personKey) on the roster of {@code at}; returns the staffId. */
    public UUID caregiver(Institution at, String personKey, StaffRole role, CertificateGrade grade, LocalDate issuedOn,
                          LocalDate validUntil, LocalDate employedFrom, LocalDate employedUntil) {
        UUID staffId = UUID.randomUUID();
        roster(staffId, at, personKey, role, grade, issuedOn, validUntil, employedFrom, employedUntil);
        return staffId;
    }

    /** A graded certificate is a 养老护理员职业技能等级证书 unless said otherwise. */
    public void roster(UUID staffId, Institution at, String personKey, StaffRole role, CertificateGrade grade,
                       LocalDate issuedOn, LocalDate validUntil, LocalDate employedFrom, LocalDate employedUntil) {
        roster(staffId, at, personKey, role, grade, grade == null ? null : CertificateType.ELDERLY_CARE_SKILL, issuedOn,
                validUntil, employedFrom, employedUntil);
    }

    public void roster(UUID staffId, Institution at, String personKey, StaffRole role, CertificateGrade grade,
                       CertificateType type, LocalDate issuedOn, LocalDate validUntil, LocalDate employedFrom,
                       LocalDate employedUntil) {
        publish(CaregiverChangedV1.TYPE, staffId, at.cityCode, at.divisionCode, new CaregiverChangedV1(staffId, at.id,
                at.uscc, at.cityCode, at.divisionCode, personKey, "护理员" + personKey.substring(0, 4), "5301**********123X",
                role, grade, grade == null ? null : "CERT-" + personKey.substring(0, 8), issuedOn, validUntil,
                employedFrom, employedUntil, false, type));
    }

    public static String person() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private void publish(String type, UUID aggregate, String city, String division, Object payload) {
        UUID eventId = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(eventId, type, 1, Instant.now(), aggregate.toString(), city, division,
                JSON.valueToTree(payload));
        try {
            send(aggregate.toString(), JSON.writeValueAsString(envelope));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        published.add(eventId);
    }

    private void send(String key, String value) {
        TestTopics.publish("registry-events", key, value);
        sent.add(new String[]{key, value});
    }

    /** Publishes every event again with its original eventId, as a redelivery after a crash would. */
    public void redeliverAll() {
        for (String[] record : List.copyOf(sent)) {
            TestTopics.publish("registry-events", record[0], record[1]);
        }
    }

    /** Waits until the subsidy service applied every event published so far (they are in its inbox). */
    public void awaitApplied(EntityManager em) {
        List<UUID> ids = List.copyOf(published);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "select count(*) from inbox_event where event_id in (:ids)")
                        .setParameter("ids", ids).getSingleResult()).intValue()) == ids.size());
    }
}
