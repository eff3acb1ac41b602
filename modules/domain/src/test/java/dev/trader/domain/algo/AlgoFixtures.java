package dev.trader.domain.algo;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;

/** Binance's BTCUSDT spot filters (as in conf/trader.conf) at a price of the sample week. */
final class AlgoFixtures {
    static final InstrumentRules BTCUSDT = new InstrumentRules(SampleBars.BTCUSDT, "BTC", "USDT", Price.of("0.01"), Quantity.of("0.00001"),
            Quantity.of("0.00001"), Money.of("5", "USDT"));
    static final SliceSizing AT_25000 = new SliceSizing(BTCUSDT, Price.of("25000"));

    private AlgoFixtures() {
    }

    static Quantity q(String text) {
        return Quantity.of(text);
    }
}
