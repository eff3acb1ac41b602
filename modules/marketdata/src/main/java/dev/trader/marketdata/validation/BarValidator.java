package dev.trader.marketdata.validation;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.Gap;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.RejectReason;
import dev.trader.marketdata.Rejection;
import dev.trader.marketdata.file.RawRow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates the rows of one file in order and keeps the totals. Each row yields a
 * {@link BarItem} (preceded by a {@link Gap} when bars are missing before it) or exactly one
 * {@link Rejection} naming the first rule it broke. Stateful and not thread-safe: one instance
 * per file per run.
 */
public final class BarValidator {
    private final String source;
    private final CandleParser parser;
    private final BarSequence sequence;
    private final IngestTally tally;

    /**
     * @param source     the file name, for rejections and the report
     * @param instrument the instrument the bars belong to
     * @param timeframe  the timeframe the open times must be aligned to and follow
     */
    public BarValidator(String source, InstrumentId instrument, Timeframe timeframe) {
        this.source = Objects.requireNonNull(source, "source");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        this.parser = new CandleParser(instrument, timeframe);
        this.sequence = new BarSequence(instrument, timeframe);
        this.tally = new IngestTally(source);
    }

    /** The items for one row, in stream order. */
    public List<FeedItem> check(RawRow row) {
        tally.row();
        if (row instanceof RawRow.Malformed malformed) {
            return reject(row, RejectReason.MALFORMED_ROW, malformed.problem());
        }
        RawRow.Values values = (RawRow.Values) row;
        try {
            Bar bar = parser.parse(values);
            Optional<Gap> gap = sequence.accept(bar, row.line());
            tally.bar();
            BarItem item = new BarItem(bar, row.line());
            if (gap.isEmpty()) {
                return List.of(item);
            }
            tally.gap(gap.get());
            return List.of(gap.get(), item);
        } catch (RowRejectedException e) {
            return reject(row, e.reason(), e.detail());
        }
    }

    /** The totals so far; after the last row, the report of the file. */
    public IngestReport report() {
        return tally.report();
    }

    private List<FeedItem> reject(RawRow row, RejectReason reason, String detail) {
        tally.rejection(reason.code());
        return List.of(Rejection.of(source, row.line(), reason, detail, row.raw()));
    }
}
