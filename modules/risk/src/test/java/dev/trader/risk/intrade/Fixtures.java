package dev.trader.risk.intrade;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Hand-made bars and values for the in-trade manager's tests. */
final class Fixtures {
    static final InstrumentId X = InstrumentId.parse("binance:BTCUSDT");
    /** Tick 0.01, lot and minimum 0.001. */
    static final InstrumentRules RULES = rules("0.01", "0.001", "0.001");

    private Fixtures() {
    }

    static InstrumentRules rules(String tick, String lot, String minQuantity) {
        return new InstrumentRules(X, "BTC", "USDT", Price.of(tick), Quantity.of(lot), Quantity.of(minQuantity), Money.of("5", "USDT"));
    }

    /** Bar {@code n} (from 1) of a one-minute series: open, high, low, close. */
    static Bar bar(int n, String open, String high, String low, String close) {
        return new Bar(X, Timeframe.M1, Instant.EPOCH.plus(Duration.ofMinutes(n)), p(open), p(high), p(low), p(close), Quantity.of("1"));
    }

    static Price p(String text) {
        return Price.of(text);
    }

    static Quantity q(String text) {
        return Quantity.of(text);
    }

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    /** Feeds the bars in order, each with its inputs, and returns every transition. */
    static List<Transition> run(ManagedTrade trade, List<Bar> bars, List<BarInputs> inputs) {
        List<Transition> out = new ArrayList<>();
        ManagedTrade current = trade;
        for (int i = 0; i < bars.size(); i++) {
            Transition t = InTradeManager.onBar(current, bars.get(i), inputs.get(i));
            out.add(t);
            current = t.trade();
        }
        return out;
    }

    static List<Transition> run(ManagedTrade trade, Bar... bars) {
        return run(trade, List.of(bars), Collections.nCopies(bars.length, BarInputs.none()));
    }
}
