package dev.trader.bench;

import dev.trader.strategy.indicator.Adx;
import dev.trader.strategy.indicator.Atr;
import dev.trader.strategy.indicator.BarIndicator;
import dev.trader.strategy.indicator.BollingerBands;
import dev.trader.strategy.indicator.Cci;
import dev.trader.strategy.indicator.Donchian;
import dev.trader.strategy.indicator.Ema;
import dev.trader.strategy.indicator.Hma;
import dev.trader.strategy.indicator.Indicator;
import dev.trader.strategy.indicator.Keltner;
import dev.trader.strategy.indicator.Macd;
import dev.trader.strategy.indicator.Mfi;
import dev.trader.strategy.indicator.Obv;
import dev.trader.strategy.indicator.ParabolicSar;
import dev.trader.strategy.indicator.Rsi;
import dev.trader.strategy.indicator.Sma;
import dev.trader.strategy.indicator.Stochastic;
import dev.trader.strategy.indicator.ValueIndicator;
import dev.trader.strategy.indicator.Wma;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per bar for each incremental indicator over 2,000 real BTCUSDT 1h bars: one
 * invocation feeds the whole series into a fresh indicator, so the figure includes warm-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class IndicatorBench {
    static final int BARS = 2000;

    @Param({"sma20", "ema20", "wma20", "hma20", "rsi14", "atr14", "adx14", "bb20", "macd", "stoch", "cci20", "mfi14", "obv",
            "donchian20", "keltner", "psar"})
    public String indicator;

    private RealBars bars;

    @Setup
    public void load() {
        bars = RealBars.load();
        if (bars.size() < BARS) {
            throw new IllegalStateException("need " + BARS + " bars");
        }
    }

    private Indicator create() {
        return switch (indicator) {
            case "sma20" -> new Sma(20);
            case "ema20" -> new Ema(20);
            case "wma20" -> new Wma(20);
            case "hma20" -> new Hma(20);
            case "rsi14" -> new Rsi(14);
            case "atr14" -> new Atr(14);
            case "adx14" -> new Adx(14);
            case "bb20" -> new BollingerBands(20, 2.0);
            case "macd" -> new Macd(12, 26, 9);
            case "stoch" -> new Stochastic(5, 3, 3);
            case "cci20" -> new Cci(20);
            case "mfi14" -> new Mfi(14);
            case "obv" -> new Obv();
            case "donchian20" -> new Donchian(20);
            case "keltner" -> new Keltner(20, 10, 2.0);
            case "psar" -> new ParabolicSar(0.02, 0.2);
            default -> throw new IllegalArgumentException(indicator);
        };
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public void perBar(Blackhole bh) {
        Indicator ind = create();
        if (ind instanceof ValueIndicator v) {
            double[] close = bars.close;
            for (int i = 0; i < BARS; i++) {
                v.update(close[i]);
                bh.consume(v.value());
            }
        } else {
            BarIndicator b = (BarIndicator) ind;
            for (int i = 0; i < BARS; i++) {
                b.update(bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
                bh.consume(b.isReady());
            }
        }
    }
}
