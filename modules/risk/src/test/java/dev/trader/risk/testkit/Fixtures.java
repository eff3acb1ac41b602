package dev.trader.risk.testkit;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderSide;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.rules.EntryRequest;
import dev.trader.risk.rules.PreTradeDecision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Instruments, accounts and small builders shared by the risk tests. */
public final class Fixtures {
    public static final String USD = "USD";
    public static final InstrumentId EURUSD_ID = InstrumentId.parse("oanda:EURUSD");
    public static final InstrumentId XAUUSD_ID = InstrumentId.parse("oanda:XAUUSD");
    public static final InstrumentId BTCUSDT_ID = InstrumentId.parse("binance:BTCUSDT");
    public static final InstrumentId BTCETH_ID = InstrumentId.parse("binance:BTCETH");

    /** EURUSD in units: micro lots of 1,000, 5-decimal ticks. */
    public static final InstrumentRules EURUSD = new InstrumentRules(EURUSD_ID, "EUR", "USD", Price.of("0.00001"), Quantity.of("1000"),
            Quantity.of("1000"), Money.zero("USD"));
    /** Gold in ounces: 0.01 oz lots, cent ticks. */
    public static final InstrumentRules XAUUSD = new InstrumentRules(XAUUSD_ID, "XAU", "USD", Price.of("0.01"), Quantity.of("0.01"),
            Quantity.of("0.01"), Money.zero("USD"));
    /** Binance's BTCUSDT filters. */
    public static final InstrumentRules BTCUSDT = new InstrumentRules(BTCUSDT_ID, "BTC", "USDT", Price.of("0.01"), Quantity.of("0.00001"),
            Quantity.of("0.00001"), Money.of("5", "USDT"));
    public static final InstrumentRules BTCETH = new InstrumentRules(BTCETH_ID, "BTC", "ETH", Price.of("0.00001"), Quantity.of("0.0001"),
            Quantity.of("0.0001"), Money.of("0.001", "ETH"));
    public static final List<InstrumentRules> ALL = List.of(EURUSD, XAUUSD, BTCUSDT, BTCETH);

    public static final StrategyId STRAT = new StrategyId("ema-cross");
    public static final StrategyId OTHER = new StrategyId("rsi-reversion");

    /** The real Forex Factory slice under src-shared (tests run in the module directory). */
    public static final Path CALENDAR = Path.of("..", "..", "src-shared", "test-data", "calendar", "forexfactory_2020-01-06_2020-01-17.csv");

    private Fixtures() {
    }

    public static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    public static Money usd(BigDecimal amount) {
        return Money.of(amount, USD);
    }

    public static OrderIntent intent(StrategyId strategy, InstrumentId instrument, OrderSide side, Instant time, String price) {
        return new OrderIntent(strategy, instrument, side, time, 0, Price.of(price), false, "test");
    }

    public static OrderIntent exit(StrategyId strategy, InstrumentId instrument, OrderSide side, Instant time, String price) {
        return new OrderIntent(strategy, instrument, side, time, 0, Price.of(price), true, "test exit");
    }

    /** An entry with an ATR and no swing (so the ATR stop is used). */
    public static EntryRequest entry(OrderIntent intent, String atr) {
        return new EntryRequest(intent, null, null, atr == null ? null : Price.of(atr), null, null);
    }

    public static PreTradeDecision.Approved approved(PreTradeDecision d) {
        if (d instanceof PreTradeDecision.Approved a) {
            return a;
        }
        throw new AssertionError("expected approval but was " + d);
    }

    public static PreTradeDecision.Rejected rejected(PreTradeDecision d, String rule) {
        if (d instanceof PreTradeDecision.Rejected r) {
            if (!r.rule().equals(rule)) {
                throw new AssertionError("expected rule " + rule + " but was " + r.rule() + ": " + r.reason() + " " + r.inputs());
            }
            return r;
        }
        throw new AssertionError("expected rejection by " + rule + " but was " + d);
    }

    private static int fills;

    /** A fill as the engine would report it, fee at {@code feeRate} of the notional. */
    public static RiskEvent.Filled fill(Instant time, StrategyId strategy, InstrumentId instrument, OrderSide side, String price, String qty,
                                        BigDecimal feeRate, String stop) {
        Price p = Price.of(price);
        Quantity q = Quantity.of(qty);
        Money fee = Money.of(p.toBigDecimal().multiply(q.toBigDecimal()).multiply(feeRate), USD);
        ClientOrderId id = ClientOrderId.derive(strategy, instrument, time, fills++ % 1000);
        Fill f = new Fill(id, new TradeId("f" + fills), instrument, side, p, q, fee, time);
        return RiskEvent.Filled.of(f, strategy, stop == null ? null : Price.of(stop));
    }

    public static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    public static BigDecimal scale2(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
