package care.registry.support;

import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.institution.event.FilingEventsConsumer;
import care.registry.site.domain.Site;
import care.registry.site.domain.SiteRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Puts institutions in the register the way production does: a FilingApproved envelope handed to the consumer
 * (the same code the Kafka channel calls, inbox included). Event ids derive from the USCC, so a second call is a
 * redelivery and changes nothing.
 */
@ApplicationScoped
public class Register {

    public static final String ELDERLY_530102 = "52530102MJA00001X1"; // inst-elderly
    public static final String CHILDCARE_530102 = "91530102MA6K0000BY"; // inst-childcare
    public static final String ELDERLY_530103 = "52530103MJA000020N"; // inst-elderly-530103

    @Inject
    FilingEventsConsumer consumer;
    @Inject
    InstitutionRepository institutions;
    @Inject
    SiteRepository sites;

    public static String approved(UUID eventId, UUID filingId, String type, String receipt, LocalDate day,
                                  String uscc, String name, String sector, String kind, String ownership,
                                  String county, String address, int capacity, String siteJson) {
        String city = county.substring(0, 4) + "00";
        return """
                {"eventId":"%s","type":"FilingApproved","schemaVersion":1,"occurredAt":"2026-11-20T02:00:00Z",
                 "aggregateId":"%s","cityCode":"%s","divisionCode":"%s",
                 "payload":{"filingId":"%s","filingType":"%s","receiptNumber":"%s","approvedOn":"%s",
                   "institution":{"uscc":"%s","name":"%s","sector":"%s","kind":"%s","ownership":"%s",
                     "cityCode":"%s","divisionCode":"%s","address":"%s","legalRepresentative":"李强",
                     "contactPhone":"0871-63330000","capacity":%d},
                   "site":%s}}
                """.formatted(eventId, uscc, city, county, filingId, type, receipt, day, uscc, name, sector, kind,
                ownership, city, county, address, capacity, siteJson);
    }

    /** The envelope with the applicant's Keycloak user id in its payload, as filing-service sends it. */
    public static String byApplicant(String envelope, String applicantId) {
        return envelope.replace("\"payload\":{", "\"payload\":{\"applicantId\":\"" + applicantId + "\",");
    }

    /** A FilingReturned of a NEW filing, made by the account {@code applicantId}, with one item to correct. */
    public static String returned(UUID eventId, UUID filingId, String uscc, String applicantId) {
        String county = uscc.substring(2, 8);
        return """
                {"eventId":"%s","type":"FilingReturned","schemaVersion":1,"occurredAt":"2026-11-20T02:00:00Z",
                 "aggregateId":"%s","cityCode":"%s","divisionCode":"%s",
                 "payload":{"filingId":"%s","filingType":"NEW","uscc":"%s","comment":"请补正",
                   "items":[{"material":"COMMITMENT","field":null,"reason":"未盖章"}],"applicantId":"%s"}}
                """.formatted(eventId, uscc, county.substring(0, 4) + "00", county, filingId, uscc, applicantId);
    }

    public static String site(String name, String county, String address, int capacity) {
        return """
                {"name":"%s","divisionCode":"%s","address":"%s","capacity":%d}""".formatted(name, county, address, capacity);
    }

    public static UUID id(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public void deliver(String envelope) {
        consumer.applyOne(envelope);
    }

    /** A filed institution with one site of {@code capacity}, registered once however often this is called. */
    public Institution ensure(String uscc, String name, String sector, String kind, String ownership, String county,
                              int capacity) {
        String address = "测试路" + uscc.substring(14) + "号";
        deliver(approved(id(uscc + "/NEW/event"), id(uscc + "/NEW"), "NEW", county + "-2026-0" + uscc.substring(13),
                LocalDate.of(2026, 3, 2), uscc, name, sector, kind, ownership, county, address, capacity,
                site(name, county, address, capacity)));
        return find(uscc);
    }

    public Institution elderly530102() {
        return ensure(ELDERLY_530102, "五华区康乐养老院", "ELDERLY", "PRIVATE_CARE_HOME", "PRIVATE", "530102", 120);
    }

    public Institution childcare530102() {
        return ensure(CHILDCARE_530102, "五华区童心托育园", "CHILDCARE", "FULL_DAYCARE", "PRIVATE", "530102", 60);
    }

    public Institution elderly530103() {
        return ensure(ELDERLY_530103, "盘龙区福寿养老院", "ELDERLY", "PRIVATE_CARE_HOME", "PRIVATE_WITH_PUBLIC_AID",
                "530103", 80);
    }

    public Institution find(String uscc) {
        return QuarkusTransaction.requiringNew().call(() -> institutions.findByUscc(uscc).orElse(null));
    }

    public java.util.List<Site> sitesOf(UUID institutionId) {
        return QuarkusTransaction.requiringNew().call(() -> sites.ofInstitution(institutionId));
    }
}
