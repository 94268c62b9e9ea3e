package care.subsidy.batch.rest;

import java.util.List;

/** One page of a list, with the count of all matching items. */
public record Page<T>(int page, int size, long totalItems, List<T> items) {
}
