package dev.trader.engine.testing;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.engine.settings.PersistenceTuning;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Real-looking domain values for the entity tests: Binance BTCUSDT one-minute bars of 16 March 2023. */
public final class Fixtures {
    public static final InstrumentId BTCUSDT = InstrumentId.parse("binance:BTCUSDT");
    public static final StrategyId EMA_CROSS = new StrategyId("ema-cross");
    public static final String USDT = "USDT";
    /** The open time of the first bar. */
    public static final Instant T0 = Instant.parse("2023-03-16T00:00:00Z");
    /** Binance spot filters for BTCUSDT, as in conf/trader.conf. */
    public static final InstrumentRules BTCUSDT_RULES = new InstrumentRules(BTCUSDT, "BTC", USDT, Price.of("0.01"),
            Quantity.of("0.00001"), Quantity.of("0.00001"), Money.of("5", USDT));

    private Fixtures() {
    }

    /** Snapshots rarely enough that none is taken unless a test asks for it. */
    public static PersistenceTuning tuning() {
        return tuning(1_000);
    }

    public static PersistenceTuning tuning(int snapshotEvery) {
        return new PersistenceTuning(snapshotEvery, 2, Duration.ofMillis(50), Duration.ofMillis(200));
    }

    public static Instant minute(int n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    public static Money usdt(String amount) {
        return Money.of(amount, USDT);
    }

    public static Bar bar(int minute, String open, String high, String low, String close, String volume) {
        return new Bar(BTCUSDT, Timeframe.M1, minute(minute), Price.of(open), Price.of(high), Price.of(low), Price.of(close),
                Quantity.of(volume));
    }

    /** A bar of minute {@code minute} closing at {@code close}, opening at {@code open}, with a plausible range around both. */
    public static Bar bar(int minute, String open, String close) {
        Price o = Price.of(open);
        Price c = Price.of(close);
        Price high = o.max(c).plus(Price.of("3.41"));
        Price low = o.min(c).minus(Price.of("2.87"));
        return new Bar(BTCUSDT, Timeframe.M1, minute(minute), o, high, low, c, Quantity.of("41.37"));
    }

    public static Signal signal(SignalDirection direction, Instant time, String price) {
        return new Signal(EMA_CROSS, BTCUSDT, Timeframe.M1, time, direction, 0.5, Price.of(price),
                "EMA2 " + (direction == SignalDirection.LONG ? "crossed above" : "crossed below") + " EMA4 at close " + price,
                Map.of("ema_fast", "24957.04000000", "ema_slow", "24937.60320000"));
    }

    public static OrderRequest marketOrder(ClientOrderId id, OrderSide side, String quantity, Instant decisionTime) {
        return new OrderRequest(id, EMA_CROSS, BTCUSDT, side, OrderType.MARKET, Quantity.of(quantity), null, decisionTime);
    }

    public static Fill fill(ClientOrderId order, String tradeId, OrderSide side, String price, String quantity, String fee, Instant time) {
        return new Fill(order, new TradeId(tradeId), BTCUSDT, side, Price.of(price), Quantity.of(quantity), usdt(fee), time);
    }
}
