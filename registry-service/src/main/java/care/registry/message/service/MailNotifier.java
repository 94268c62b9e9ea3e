package care.registry.message.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * E-mail through quarkus-mailer (SMTP: {@code quarkus.mailer.host}, {@code .port}, {@code .from}, credentials), to the
 * institution's contact e-mail. A failure of the SMTP server is thrown and retried.
 */
@ApplicationScoped
@Identifier("mail")
public class MailNotifier implements Notifier {

    private final Mailer mailer;

    public MailNotifier(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(Notification n) {
        if (n.email() == null || n.email().isBlank()) {
            throw new Notification.NoAddress("mail");
        }
        mailer.send(Mail.withText(n.email(), "【一老一小服务平台】" + n.title(), n.body() + "\n\n" + n.link()));
    }
}
