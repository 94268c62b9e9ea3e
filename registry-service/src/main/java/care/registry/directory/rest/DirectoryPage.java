package care.registry.directory.rest;

import java.util.List;

public record DirectoryPage(List<DirectoryEntry> items, long total, int page, int size) {
}
