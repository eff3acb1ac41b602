package dev.trader.backtest.execmetrics;

import dev.trader.domain.id.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;

/** Where an estimator puts each thing it measured: of which instrument, when (for the session), how many basis points. */
@FunctionalInterface
interface Observations {
    void add(InstrumentId instrument, Instant time, BigDecimal bps);
}
