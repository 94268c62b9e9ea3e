package care.registry.directory.rest;

import care.registry.site.rest.SiteResponse;
import care.registry.supervision.rest.InspectionResponse;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * One filed institution for the public: the directory entry's fields, its credit level, its sites with capacity
 * and its disclosed inspections.
 */
public record DirectoryDetail(
        @JsonUnwrapped DirectoryEntry institution,
        String creditLevel,
        List<SiteResponse> sites,
        List<InspectionResponse> inspections) {
}
