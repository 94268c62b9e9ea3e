package care.registry.message.service;

import care.contracts.event.FilingAcceptedV1;
import care.contracts.event.FilingApprovedV1;
import care.contracts.event.FilingRejectedV1;
import care.contracts.event.FilingReturnedV1;
import care.registry.account.domain.AccountRepository;
import care.registry.account.domain.Registration;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.message.domain.DeliveryStatus;
import care.registry.message.domain.Message;
import care.registry.message.domain.MessageKind;
import care.registry.message.domain.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the messages (消息中心) an institution is told, in plain Chinese, in the transaction of what caused them: the
 * filing events (applied once through the inbox, FilingEventsConsumer) and the decisions on a registration
 * (RegistrationService). Each is addressed to the institution (its USCC) and to the account that made the filing or
 * the registration, and waits for its delivery by the notifier ({@link Deliveries}).
 * <p>
 * The addresses for SMS and e-mail are taken when the message is made: the institution's contacts if the register
 * holds it, otherwise (a NEW filing, a registration) the mobile number the account registered with.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Messages {

    private static final Map<String, String> TYPES = Map.of("NEW", "新设备案", "CHANGE", "变更备案",
            "ADD_SITE", "增设场所备案", "CLOSE", "注销备案");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final MessageRepository messages;
    private final InstitutionRepository institutions;
    private final AccountRepository accounts;

    public Messages(MessageRepository messages, InstitutionRepository institutions, AccountRepository accounts) {
        this.messages = messages;
        this.institutions = institutions;
        this.accounts = accounts;
    }

    public void accepted(FilingAcceptedV1 e) {
        String due = e.dueOn() == null ? "" : "，办结时限为" + DAY.format(e.dueOn());
        record(MessageKind.FILING_ACCEPTED, e.uscc(), e.applicantId(), e.filingId(), null,
                "您提交的" + type(e.filingType()) + name(e.institutionName()) + "已受理" + due + "。");
    }

    public void returned(FilingReturnedV1 e) {
        int items = e.items() == null ? 0 : e.items().size();
        String note = e.comment() == null || e.comment().isBlank() ? "" : "审核意见：" + e.comment().strip() + "。";
        record(MessageKind.FILING_RETURNED, e.uscc(), e.applicantId(), e.filingId(), null,
                "您提交的" + type(e.filingType()) + "被退回补正" + (items > 0 ? "，共" + items + "项需要补正" : "")
                        + "。" + note + "请按要求修改后重新提交。");
    }

    public void approved(FilingApprovedV1 e) {
        String name = e.institution() == null ? null : e.institution().name();
        String uscc = e.institution() == null ? null : e.institution().uscc();
        record(MessageKind.FILING_APPROVED, uscc, e.applicantId(), e.filingId(), null,
                "您提交的" + type(e.filingType()) + name(name) + "已准予备案，备案回执编号 " + e.receiptNumber()
                        + "，可在备案详情中打印回执。");
    }

    public void rejected(FilingRejectedV1 e) {
        String reason = e.reason() == null || e.reason().isBlank() ? "" : "理由：" + e.reason().strip() + "。";
        record(MessageKind.FILING_REJECTED, e.uscc(), e.applicantId(), e.filingId(), null,
                "您提交的" + type(e.filingType()) + "不予备案。" + reason);
    }

    /** The registration was confirmed: by hand, or by the approval of the NEW filing its registrant made. */
    public void registrationConfirmed(Registration r) {
        record(MessageKind.REGISTRATION_CONFIRMED, r.uscc, r.account.keycloakId, null, r.id,
                "您为“" + r.institutionName + "”提交的机构注册已确认，本账号现可办理该机构的备案等业务。");
    }

    /** Refused: the account no longer signs in, so only the notifier (SMS to the mobile it registered) reaches it. */
    public void registrationRefused(Registration r) {
        String reason = r.reason == null || r.reason.isBlank() ? "" : "理由：" + r.reason.strip() + "。";
        record(MessageKind.REGISTRATION_REFUSED, r.uscc, r.account.keycloakId, null, r.id,
                "您为“" + r.institutionName + "”提交的机构注册未通过。" + reason);
    }

    private void record(MessageKind kind, String uscc, String recipientId, UUID filingId, UUID registrationId,
                        String body) {
        if (uscc == null) {
            throw new IllegalArgumentException(kind + " without a USCC");
        }
        Message m = new Message();
        m.id = UUID.randomUUID();
        m.uscc = uscc;
        m.recipientId = recipientId;
        m.kind = kind;
        m.filingId = filingId;
        m.registrationId = registrationId;
        m.title = kind.title;
        m.body = body.length() <= 2000 ? body : body.substring(0, 1999) + "…";
        m.createdAt = Instant.now();
        Institution institution = institutions.findByUscc(uscc).orElse(null);
        if (institution != null) {
            m.phone = institution.contactPhone;
            m.email = institution.contactEmail;
        } else if (recipientId != null) {
            // a self-registered account's username is the mobile number it registered with
            m.phone = accounts.find("keycloakId", recipientId).firstResultOptional().map(a -> a.username)
                    .orElse(null);
        }
        m.deliveryStatus = DeliveryStatus.PENDING;
        m.nextDeliveryAt = m.createdAt;
        messages.persist(m);
    }

    private static String type(String filingType) {
        return TYPES.getOrDefault(filingType, "备案");
    }

    private static String name(String institutionName) {
        return institutionName == null || institutionName.isBlank() ? "" : "（" + institutionName + "）";
    }
}
