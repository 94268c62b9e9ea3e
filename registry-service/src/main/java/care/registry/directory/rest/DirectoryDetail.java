package care.registry.directory.rest;

import care.registry.site.rest.SiteResponse;
import care.registry.supervision.rest.InspectionResponse;

import java.util.List;

/** One filed institution for the public: its sites and capacity, credit level and disclosed inspections. */
public record DirectoryDetail(
        DirectoryEntry institution,
        String creditLevel,
        List<SiteResponse> sites,
        List<InspectionResponse> inspections) {
}
