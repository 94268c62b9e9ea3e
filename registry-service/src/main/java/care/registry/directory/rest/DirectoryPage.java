package care.registry.directory.rest;

import java.util.List;

/**
 * One page of the directory. {@code total} is exact up to {@link DirectoryResource#COUNT_CAP}; beyond it
 * {@code totalExact} is false and {@code total} is that cap ("more than 1,000: narrow the search").
 */
public record DirectoryPage(List<DirectoryEntry> items, long total, boolean totalExact, int page, int size) {
}
