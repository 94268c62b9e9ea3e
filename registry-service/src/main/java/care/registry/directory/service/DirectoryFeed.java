package care.registry.directory.service;

import care.contracts.problem.ProblemException;
import care.registry.directory.domain.DirectoryChange;
import care.registry.directory.domain.DirectoryChangeRepository;
import care.registry.directory.rest.DirectoryEntry;
import care.registry.institution.domain.FilingStatus;
import care.registry.institution.domain.Institution;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The public directory's change feed (变更订阅): what the directory shows of an institution, recorded whenever the
 * registry publishes a change of it (InstitutionEvents), in the same transaction. Only changes of what the
 * directory shows are recorded: an institution not (or no longer) filed is not in the directory, so its filing
 * makes an ENTERED, its closure (已注销) a REMOVED, and a change the directory does not show (contacts, say)
 * nothing.
 */
@ApplicationScoped
public class DirectoryFeed {

    private static final String CURSOR_PREFIX = "directory-change:";

    private final DirectoryChangeRepository changes;
    private final ObjectMapper json;

    public DirectoryFeed(DirectoryChangeRepository changes, ObjectMapper json) {
        this.changes = changes;
        this.json = json;
    }

    /** The institution as it now stands, compared with what the feed last said of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Institution institution) {
        Optional<DirectoryChange> last = changes.last(institution.id);
        boolean listed = last.isPresent() && last.get().kind() != DirectoryChange.Kind.REMOVED;
        if (institution.filingStatus != FilingStatus.FILED) {
            if (listed) {
                changes.append(institution.id, DirectoryChange.Kind.REMOVED, null);
            }
            return;
        }
        String entry = write(DirectoryEntry.of(institution));
        if (!listed) {
            changes.append(institution.id, DirectoryChange.Kind.ENTERED, entry);
        } else if (!entry.equals(last.get().entry())) {
            changes.append(institution.id, DirectoryChange.Kind.CHANGED, entry);
        }
    }

    /** A page of changes after the cursor ({@code null} or blank: from the first), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DirectoryChange> after(String cursor, int limit) {
        return changes.after(position(cursor), limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DirectoryChange> newest(int limit) {
        return changes.newest(limit);
    }

    public DirectoryEntry entry(DirectoryChange change) {
        try {
            return change.entry() == null ? null : json.readValue(change.entry(), DirectoryEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("directory_change " + change.position() + " holds no entry", e);
        }
    }

    /** Opaque to clients (they only hand it back), so that what a position is may change without breaking them. */
    public static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    static long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                long position = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) { // not base64, or not a number: the same answer below
        }
        throw ProblemException.invalid("since", "since 应为先前响应中的 next 游标（留空则从头开始）");
    }

    private String write(DirectoryEntry entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
