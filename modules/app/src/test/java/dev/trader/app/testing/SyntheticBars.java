package dev.trader.app.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.app.TraderNode;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.engine.pipeline.BarOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hand-made one-minute BTCUSDT bars for the guardrail tests, and a node config whose only
 * strategy is an EMA(1)/EMA(2) cross named {@code cross}: it goes LONG on the first close above
 * the EMA(2) after closes below it and FLAT on the reverse, so the closes decide exactly when it
 * signals. Each bar opens at the previous close and spans half a unit beyond open and close
 * (a true range of 1.5 on a 0.5 step), which gives the simple ATR the entries are sized with.
 */
public final class SyntheticBars {
    public static final InstrumentId BTCUSDT = InstrumentId.parse("binance:BTCUSDT");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private SyntheticBars() {
    }

    /** The test node's config with the {@code cross} strategy on BTCUSDT only (and the default prop-firm model). */
    public static Config crossOnly(Config config) {
        return config.withValue("trader.strategies", ConfigValueFactory.fromIterable(List.of(Map.of(
                "id", "cross", "type", "ema-cross", "instruments", List.of(BTCUSDT.value()),
                "parameters", Map.of("fast", 1, "slow", 2)))));
    }

    /**
     * No resting protective stops (in-trade management off): the scenarios of a loss the stop did
     * not limit (a venue that never filled it), where the account's floors are the last line.
     */
    public static Config withoutRestingStops(Config config) {
        return config.withValue("trader.risk.in-trade.enabled", ConfigValueFactory.fromAnyRef(false));
    }

    /** One bar per close, a minute apart from {@code first}; the first opens at its own close, the others at the close before. */
    public static List<Bar> bars(Instant first, List<String> closes, Price previousClose) {
        List<Bar> out = new ArrayList<>();
        Price prev = previousClose;
        for (int i = 0; i < closes.size(); i++) {
            Price close = Price.of(closes.get(i));
            Price open = prev == null ? close : prev;
            Price high = Price.of(open.max(close).toBigDecimal().add(HALF));
            Price low = Price.of(open.min(close).toBigDecimal().subtract(HALF));
            out.add(new Bar(BTCUSDT, Timeframe.M1, first.plus(Duration.ofMinutes(i)), open, high, low, close, Quantity.of("12.5")));
            prev = close;
        }
        return out;
    }

    /** {@code n} closes from {@code start}, each {@code step} lower. */
    public static List<String> falling(String start, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new BigDecimal(start).subtract(HALF.multiply(BigDecimal.valueOf(i))).toPlainString());
        }
        return out;
    }

    /** Feeds the bars through the node's pipeline one at a time, as a feed does, and returns what each did. */
    public static List<BarOutcome> feed(TraderNode node, List<Bar> bars) throws Exception {
        List<BarOutcome> out = new ArrayList<>();
        for (Bar b : bars) {
            out.add(node.pipeline().process(b).toCompletableFuture().get(30, TimeUnit.SECONDS));
        }
        return out;
    }
}
