package dev.trader.backtest;

import dev.trader.marketdata.IngestReport;
import java.util.List;
import java.util.Objects;

/**
 * Market data read from files for a backtest.
 *
 * @param data    the merged bars
 * @param reports one ingest report per file, in the order the files were given
 */
public record LoadedData(MarketData data, List<IngestReport> reports) {
    public LoadedData {
        Objects.requireNonNull(data, "data");
        reports = List.copyOf(reports);
    }

    /** Rows rejected over all files. */
    public long rejected() {
        return reports.stream().mapToLong(IngestReport::rejected).sum();
    }
}
