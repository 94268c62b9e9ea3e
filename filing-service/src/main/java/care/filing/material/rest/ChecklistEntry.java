package care.filing.material.rest;

import care.filing.material.domain.MaterialSummary;
import care.filing.material.service.MaterialService;

import java.time.Instant;

/** One checklist item of a filing and the file uploaded for it, if any. */
public record ChecklistEntry(String code, String name, boolean required, String source, boolean uploaded,
                             String fileName, String contentType, Integer sizeBytes, String sha256,
                             String uploadedBy, Instant uploadedAt) {

    static ChecklistEntry of(MaterialService.ChecklistLine line) {
        MaterialSummary f = line.file();
        var i = line.item();
        return new ChecklistEntry(i.code(), i.name(), i.required(), i.source(), f != null,
                f == null ? null : f.fileName(), f == null ? null : f.contentType(), f == null ? null : f.sizeBytes(),
                f == null ? null : f.sha256(), f == null ? null : f.uploadedBy(), f == null ? null : f.uploadedAt());
    }
}
