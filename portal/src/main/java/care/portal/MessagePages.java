package care.portal;

import care.portal.client.MessageClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 消息中心: an institution's messages about its filings and registration, newest first, unread ones marked; each opens
 * its filing. Marking one read (alone, or by opening its filing from here) is the institution's, for all its accounts.
 */
@Path("/portal/messages")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class MessagePages {

    static final int PAGE_SIZE = 20;

    @Inject
    @Location("messages.html")
    Template page;

    @Inject
    @RestClient
    MessageClient messages;

    @Inject
    Views views;

    @GET
    public TemplateInstance list(@RestQuery String page) {
        int pageNo = Math.min(PublicPages.parsePage(page), ReviewPages.MAX_PAGE);
        MessageClient.Page found = messages.list(pageNo, PAGE_SIZE);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (pageNo >= pages) {
            pageNo = pages - 1;
            found = messages.list(pageNo, PAGE_SIZE);
        }
        return views.page(this.page).data("messages", found.items()).data("total", found.total())
                .data("unread", found.unread()).data("page", pageNo).data("pages", pages)
                .data("pageLabel", pageNo + 1).data("prevPage", pageNo - 1).data("nextPage", pageNo + 1);
    }

    /** Marks the message read; {@code open} = its filing's id: then on to that filing, else back to the list. */
    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markRead(@RestPath String id, @RestForm String open) {
        MessageClient.Message message = messages.markRead(Views.id(id));
        if (open != null && message.filingId() != null && message.filingId().equals(open)) {
            return Views.seeOther("/portal/filings/" + Views.id(open));
        }
        return Views.seeOther("/portal/messages#m-" + message.id());
    }
}
