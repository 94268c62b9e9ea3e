package care.registry.message.service;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The local stack's and the tests' channel: one log line per message, without its addresses. */
@ApplicationScoped
@Identifier("log")
public class LogNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(LogNotifier.class);

    @Override
    public void send(Notification n) {
        LOG.infof("message %s: %s — %s %s", n.messageId(), n.title(), n.body(), n.link());
    }
}
