package dev.trader.backtest.metrics;

import dev.trader.backtest.EquityCurve;
import dev.trader.backtest.ExitReason;
import dev.trader.backtest.RoundTrip;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Made-up trades and equity curves for the hand-worked metric tests. */
final class Made {
    static final String USDT = "USDT";
    static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");

    private Made() {
    }

    static Money usdt(String amount) {
        return Money.of(amount, USDT);
    }

    /** A curve of flat points (cash = equity) at the given times. */
    static EquityCurve flat(List<Instant> times, String... equity) {
        return curve(times, equity, equity);
    }

    static EquityCurve curve(List<Instant> times, String[] cash, String[] equity) {
        List<Money> c = new ArrayList<>();
        List<Money> e = new ArrayList<>();
        for (int i = 0; i < equity.length; i++) {
            c.add(usdt(cash[i]));
            e.add(usdt(equity[i]));
        }
        return EquityCurve.of(USDT, times, c, e);
    }

    /** {@code n} times {@code step} apart from {@code start}. */
    static List<Instant> times(String start, java.time.Duration step, int n) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Instant.parse(start).plus(step.multipliedBy(i)));
        }
        return out;
    }

    /**
     * A long round trip: P&amp;L = (exit − entry) × qty, after fees = P&amp;L − fees; {@code stop} may be null.
     */
    static RoundTrip trade(String open, String close, String entry, String exit, String qty, String fees, String stop, String slippage) {
        BigDecimal pnl = new BigDecimal(exit).subtract(new BigDecimal(entry)).multiply(new BigDecimal(qty));
        return new RoundTrip(BTC, Instant.parse(open), Instant.parse(close), Price.of(entry), Price.of(exit), Quantity.of(qty), Money.of(pnl, USDT),
                usdt(fees), Money.of(pnl.subtract(new BigDecimal(fees)), USDT), ExitReason.SIGNAL, stop == null ? null : Price.of(stop), usdt(slippage));
    }

    /**
     * The four trades of the hand-worked examples:
     * <pre>
     *   T1 Mon 2024-01-08 08:30Z 60m  entry 100 stop  90 qty  2 exit 120 fees 1   → +39    R  1.95 (risk 20)  slippage 0.25
     *   T2 Mon 2024-01-08 14:00Z 30m  entry 200 stop 190 qty  1 exit 185 fees 0.5 → −15.5  R −1.55 (risk 10)  slippage 0.1
     *   T3 Sat 2024-01-13 10:00Z 90m  entry  50 no stop qty  4 exit  55 fees 0.3 → +19.7  R N/A
     *   T4 Tue 2024-01-09 22:00Z  1m  entry  10 stop   9 qty 10 exit  10 fees 0.2 → −0.2   R −0.02 (risk 10)
     * </pre>
     */
    static List<RoundTrip> fourTrades() {
        return List.of(
                trade("2024-01-08T08:30:00Z", "2024-01-08T09:30:00Z", "100", "120", "2", "1", "90", "0.25"),
                trade("2024-01-08T14:00:00Z", "2024-01-08T14:30:00Z", "200", "185", "1", "0.5", "190", "0.1"),
                trade("2024-01-13T10:00:00Z", "2024-01-13T11:30:00Z", "50", "55", "4", "0.3", null, "0"),
                trade("2024-01-09T22:00:00Z", "2024-01-09T22:01:00Z", "10", "10", "10", "0.2", "9", "0"));
    }
}
