package dev.trader.marketdata;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The totals of one ingest of one file. Every data row read is either a bar or a rejection,
 * so {@code rowsRead == barsAccepted + rejected()}.
 *
 * @param source              the file name
 * @param rowsRead            data rows read (header lines not counted)
 * @param barsAccepted        rows that became bars
 * @param rejectionsByReason  rejected rows per {@link RejectReason#code()}, sorted by code;
 *                            reasons that never occurred are absent
 * @param gaps                number of {@link Gap}s reported
 * @param missingBars         bars missing over all gaps
 */
public record IngestReport(String source, long rowsRead, long barsAccepted,
                           SortedMap<String, Long> rejectionsByReason, long gaps, long missingBars) {

    public IngestReport {
        Objects.requireNonNull(source, "source");
        rejectionsByReason = Collections.unmodifiableSortedMap(new TreeMap<>(rejectionsByReason));
    }

    /** All rejected rows, whatever the reason. */
    public long rejected() {
        return rejectionsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rejected rows for one reason; 0 if it never occurred. */
    public long rejected(RejectReason reason) {
        return rejectionsByReason.getOrDefault(reason.code(), 0L);
    }
}
