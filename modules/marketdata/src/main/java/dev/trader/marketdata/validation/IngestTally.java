package dev.trader.marketdata.validation;

import dev.trader.marketdata.Gap;
import dev.trader.marketdata.IngestReport;
import java.util.TreeMap;

/** Running totals of one ingest. */
final class IngestTally {
    private final String source;
    private final TreeMap<String, Long> rejections = new TreeMap<>();
    private long rows;
    private long bars;
    private long gaps;
    private long missingBars;

    IngestTally(String source) {
        this.source = source;
    }

    void row() {
        rows++;
    }

    void bar() {
        bars++;
    }

    void rejection(String reason) {
        rejections.merge(reason, 1L, Long::sum);
    }

    void gap(Gap gap) {
        gaps++;
        missingBars += gap.missingBars();
    }

    IngestReport report() {
        return new IngestReport(source, rows, bars, rejections, gaps, missingBars);
    }
}
