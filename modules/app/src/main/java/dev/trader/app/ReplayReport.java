package dev.trader.app;

import dev.trader.marketdata.IngestReport;
import java.util.List;

/** What a replay of market-data files did: per-file ingest totals and what the engine made of the bars. */
public record ReplayReport(List<IngestReport> files, long barsProcessed, long barsNew, long signals, long ordersApproved,
                           long intentsRejected) {
    public ReplayReport {
        files = List.copyOf(files);
    }
}
