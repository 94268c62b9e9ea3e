package care.registry.directory.rest;

import care.registry.directory.domain.DirectoryChange;
import care.registry.directory.service.DirectoryFeed;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The public directory's change feed (变更订阅), for those who mirror the directory: every entry, change and removal
 * in commit order, resumed from an opaque cursor. Anonymous like the directory, and rate limited with it at the
 * gateway (the /api/directory prefix); it carries only the directory's own entries.
 */
@Tag(name = "Directory", description = "信息公开：已备案机构名录，无需登录 (the anonymous public directory)")
@Path("/api/directory/changes")
@PermitAll
public class DirectoryChangesResource {

    public static final String JSON_FEED = "application/feed+json";

    private final DirectoryFeed feed;

    public DirectoryChangesResource(DirectoryFeed feed) {
        this.feed = feed;
    }

    /** One change; {@code entry} is the directory's entry after it, absent for a removal. */
    public record Change(String cursor, DirectoryChange.Kind kind, UUID institutionId, Instant recordedAt,
                         DirectoryEntry entry) {
    }

    /**
     * A page of changes. {@code next} is the cursor to ask with next time: the last change's, or the one asked with
     * when there is nothing new (so a poller simply keeps it). {@code more}: a full page, ask again at once.
     */
    public record ChangePage(List<Change> changes, String next, boolean more) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "directoryChanges", summary = "名录变更订阅",
            description = "Every entry (ENTERED: filed), change (CHANGED) and removal (REMOVED: 已注销) of the public "
                    + "directory, oldest first, after the cursor `since` (empty: from the first). Keep `next` and ask "
                    + "with it again: nothing is skipped or repeated, however long the gap. Replaying the changes from "
                    + "the first gives the directory as it stands.")
    public ChangePage changes(@QueryParam("since") @Size(max = 100) String since,
                              @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<Change> changes = feed.after(since, limit).stream().map(this::change).toList();
        String next = changes.isEmpty() ? (since == null ? "" : since.strip()) : changes.get(changes.size() - 1).cursor();
        return new ChangePage(changes, next, changes.size() == limit);
    }

    /** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): what a feed reader shows. */
    public record JsonFeed(String version, String title, String description, String feed_url, List<Item> items) {

        public record Item(String id, String url, String title, String content_text, Instant date_published) {
        }
    }

    @GET
    @Path("/feed.json")
    @Produces(JSON_FEED)
    @Operation(operationId = "directoryChangesFeed", summary = "名录变更（JSON Feed）",
            description = "The newest changes of the public directory, newest first, as a JSON Feed for feed readers; "
                    + "mirrors use /api/directory/changes")
    public JsonFeed jsonFeed(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return new JsonFeed("https://jsonfeed.org/version/1.1", "养老托育机构备案名录变更",
                "已备案养老机构、托育机构的新增、变更与注销", "/api/directory/changes/feed.json",
                feed.newest(limit).stream().map(this::item).toList());
    }

    private Change change(DirectoryChange change) {
        return new Change(DirectoryFeed.cursor(change.position()), change.kind(), change.institutionId(),
                change.recordedAt(), feed.entry(change));
    }

    private JsonFeed.Item item(DirectoryChange change) {
        DirectoryEntry entry = feed.entry(change);
        String title = switch (change.kind()) {
            case ENTERED -> "新备案：" + entry.name();
            case CHANGED -> "备案信息变更：" + entry.name();
            case REMOVED -> "已注销：" + change.institutionId();
        };
        String text = entry == null ? "该机构已注销备案，不再列入名录。"
                : entry.divisionName() + " · " + entry.kindLabel() + " · " + entry.address() + " · 床位/托位 "
                + entry.capacity() + " · 备案编号 " + entry.filingNumber();
        return new JsonFeed.Item(DirectoryFeed.cursor(change.position()),
                "/api/directory/institutions/" + change.institutionId(), title, text, change.recordedAt());
    }
}
