package care.subsidy.batch.rest;

import care.subsidy.batch.domain.BatchStatus;
import care.subsidy.batch.domain.PaymentBatch;

import java.time.Instant;
import java.util.UUID;

/**
 * A batch with its generation progress (processed of total people or decisions). For a county reviewer,
 * {@code lineCount} and {@code amountFen} are their county's share of the city's batch.
 */
public record BatchResponse(UUID id, String cityCode, String programmeCode, String period, int seq,
                            BatchStatus status, int total, int processed, int lineCount, long amountFen,
                            String createdBy, Instant createdAt, Instant generatedAt, String reviewedBy,
                            Instant reviewedAt, String reviewNote, String releasedBy, Instant releasedAt,
                            String failure, int version) {

    public static BatchResponse of(PaymentBatch b) {
        return new BatchResponse(b.id, b.cityCode, b.programmeCode, b.period, b.seq, b.status, b.total, b.processed,
                b.lineCount, b.amountFen, b.createdBy, b.createdAt, b.generatedAt, b.reviewedBy, b.reviewedAt,
                b.reviewNote, b.releasedBy, b.releasedAt, b.failure, b.version);
    }

    /** The batch as a caller who sees only part of it: the lines and fen of that part. */
    public static BatchResponse of(PaymentBatch b, long[] linesAndFen) {
        return new BatchResponse(b.id, b.cityCode, b.programmeCode, b.period, b.seq, b.status, b.total, b.processed,
                (int) linesAndFen[0], linesAndFen[1], b.createdBy, b.createdAt, b.generatedAt, b.reviewedBy,
                b.reviewedAt, b.reviewNote, b.releasedBy, b.releasedAt, b.failure, b.version);
    }
}
