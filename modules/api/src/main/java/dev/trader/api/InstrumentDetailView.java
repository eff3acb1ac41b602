package dev.trader.api;

import dev.trader.domain.market.Bar;
import dev.trader.engine.instrument.InstrumentState;
import java.util.List;
import java.util.Map;

/** The JSON of {@code GET /api/instruments/{id}}: the status line plus the recent bars, amounts as decimal strings. */
public record InstrumentDetailView(String instrument, String watermark, String lastClose, long barsAccepted, long barsRejected,
                                   Map<String, Long> rejectionsByReason, List<BarView> recentBars) {

    public record BarView(String openTime, String open, String high, String low, String close, String volume) {
        static BarView of(Bar b) {
            return new BarView(b.openTime().toString(), b.open().toString(), b.high().toString(), b.low().toString(),
                    b.close().toString(), b.volume().toString());
        }
    }

    static InstrumentDetailView of(InstrumentState s) {
        return new InstrumentDetailView(s.instrument(), s.watermark() == null ? null : s.watermark().toString(),
                s.lastClose() == null ? null : s.lastClose().toString(), s.barsAccepted(), s.rejectedTotal(), s.rejectionsByReason(),
                s.recentBars().stream().map(BarView::of).toList());
    }
}
