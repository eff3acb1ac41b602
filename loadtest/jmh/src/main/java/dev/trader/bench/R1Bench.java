package dev.trader.bench;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.builtin.R1Strategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Nanoseconds per bar for a full R1 update (EMA12, EMA26, ATR14, cross rule, signal) through the Strategy API. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class R1Bench {
    static final int BARS = 2000;
    private Bar[] series;
    private final R1Strategy r1 = new R1Strategy(new StrategyId("r1"), 12, 26, 14, 2.0);
    private final InstrumentId btc = InstrumentId.parse("binance:BTCUSDT");

    @Setup
    public void load() {
        RealBars bars = RealBars.load();
        series = new Bar[BARS];
        for (int i = 0; i < BARS; i++) {
            series[i] = new Bar(btc, Timeframe.H1, Instant.ofEpochMilli(bars.time[i]), price(bars.open[i]), price(bars.high[i]),
                    price(bars.low[i]), price(bars.close[i]), Quantity.of(BigDecimal.valueOf(bars.volume[i])));
        }
    }

    private static Price price(double v) {
        return Price.of(BigDecimal.valueOf(v));
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public void fullBarUpdate(Blackhole bh) {
        StrategyState state = r1.initialState(btc);
        for (Bar bar : series) {
            bh.consume(r1.onBar(state, bar));
        }
    }
}
