package care.portal;

import care.portal.client.FilingClient;
import care.portal.client.MessageClient;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The counts in the navigation: an institution's unread messages, a reviewer's (city admin's, auditor's) filings
 * waiting for 受理 or a decision. Asked once per page, and only of the roles that have them; a count the API cannot
 * give (a service down, a slow answer) is left out, never the page.
 */
@RequestScoped
public class NavCounts {

    private static final Logger LOG = Logger.getLogger(NavCounts.class);

    /** {@code unread} and {@code waiting} are null where the role has none, or the API did not answer. */
    @TemplateData
    public record Nav(Long unread, Long waiting) {
    }

    private final Viewer viewer;
    private final MessageClient messages;
    private final FilingClient filings;
    private Nav nav;
    private FilingClient.QueueCounts queue;

    public NavCounts(Viewer viewer, @RestClient MessageClient messages, @RestClient FilingClient filings) {
        this.viewer = viewer;
        this.messages = messages;
        this.filings = filings;
    }

    public Nav get() {
        if (nav == null) {
            User user = viewer.user();
            Long unread = null;
            Long waiting = null;
            try {
                if (user.files()) {
                    unread = messages.unread().unread();
                } else if (user.reviewer()) {
                    queue = filings.queueCounts();
                    waiting = queue.waiting();
                }
            } catch (RuntimeException e) {
                LOG.debugf("navigation count left out: %s", e.toString());
            }
            nav = new Nav(unread, waiting);
        }
        return nav;
    }

    /** A reviewer's whole 待办 counts (the review page shows them), or null if the API did not give them. */
    public FilingClient.QueueCounts queue() {
        get();
        return queue;
    }
}
