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
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public directory's change feed (变更订阅): what the directory shows of an institution, recorded whenever the
 * registry publishes a change of it (InstitutionEvents), in the same transaction. Only changes of what the
 * directory shows are recorded: an institution not (or no longer) filed is not in the directory, so its filing
 * makes an ENTERED, its closure (已注销) a REMOVED, and a change the directory does not show (contacts, say)
 * nothing. The rows are written as the transaction commits, each institution as it then stands, so that the feed's
 * lock, which orders positions by commit, is held for the commit alone and not while the rest of the transaction
 * runs (a consumer's poll of a hundred approvals would keep the registry's other consumers waiting for it).
 */
@ApplicationScoped
public class DirectoryFeed {

    private static final String CURSOR_PREFIX = "directory-change:";

    private final DirectoryChangeRepository changes;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;

    public DirectoryFeed(DirectoryChangeRepository changes, ObjectMapper json,
                         TransactionSynchronizationRegistry transactions) {
        this.changes = changes;
        this.json = json;
        this.transactions = transactions;
    }

    /** The institution changed in this transaction: the feed compares it, as it stands at commit, with its last word. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Institution institution) {
        @SuppressWarnings("unchecked")
        Map<UUID, Institution> changed = (Map<UUID, Institution>) transactions.getResource(DirectoryFeed.class);
        if (changed == null) {
            Map<UUID, Institution> first = new LinkedHashMap<>();
            transactions.putResource(DirectoryFeed.class, first);
            changes.beforeCommit(() -> append(first.values()));
            changed = first;
        }
        changed.put(institution.id, institution);
    }

    private void append(Collection<Institution> institutions) {
        Map<UUID, String> entries = new LinkedHashMap<>(); // a null entry: not in the directory
        institutions.forEach(i -> entries.put(i.id, i.filingStatus == FilingStatus.FILED
                ? write(DirectoryEntry.of(i)) : null));
        changes.lockForAppending();
        Map<UUID, DirectoryChange> last = changes.lastOf(entries.keySet());
        List<DirectoryChange> appended = new ArrayList<>();
        entries.forEach((id, entry) -> {
            DirectoryChange before = last.get(id);
            boolean listed = before != null && before.kind() != DirectoryChange.Kind.REMOVED;
            if (entry == null) {
                if (listed) {
                    appended.add(change(id, DirectoryChange.Kind.REMOVED, null));
                }
            } else if (!listed) {
                appended.add(change(id, DirectoryChange.Kind.ENTERED, entry));
            } else if (!entry.equals(before.entry())) {
                appended.add(change(id, DirectoryChange.Kind.CHANGED, entry));
            }
        });
        changes.append(appended);
    }

    /** A change to append: its position and time are the database's. */
    private static DirectoryChange change(UUID institution, DirectoryChange.Kind kind, String entry) {
        return new DirectoryChange(0, institution, kind, entry, null);
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
