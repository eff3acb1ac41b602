package dev.trader.api;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.engine.instrument.InstrumentState;

/** One configured instrument in {@code GET /api/instruments}: its venue filters and its latest bar. Amounts are decimal strings. */
public record InstrumentSummary(String id, String base, String quote, String tickSize, String lotSize, String minQuantity, String minNotional,
                             String lastBarTime, String lastClose, long barsAccepted) {
    static InstrumentSummary of(InstrumentRules r, InstrumentState s) {
        return new InstrumentSummary(r.instrument().value(), r.baseAsset(), r.quoteAsset(), r.tickSize().toString(), r.lotSize().toString(),
                r.minQuantity().toString(), r.minNotional().toBigDecimal().toPlainString(), s.watermark() == null ? null : s.watermark().toString(),
                s.lastClose() == null ? null : s.lastClose().toString(), s.barsAccepted());
    }
}
