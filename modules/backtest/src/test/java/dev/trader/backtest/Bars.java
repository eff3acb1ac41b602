package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made 1m bars: {@code minute} counts from {@link #START}. */
final class Bars {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    static final InstrumentId ETH = InstrumentId.parse("binance:ETHUSDT");

    private final InstrumentId instrument;
    private final List<Bar> bars = new ArrayList<>();

    private Bars(InstrumentId instrument) {
        this.instrument = instrument;
    }

    static Bars of(InstrumentId instrument) {
        return new Bars(instrument);
    }

    static Instant at(int minute) {
        return START.plusSeconds(60L * minute);
    }

    /** The next bar, one minute after the last (or at {@link #START}), with a volume of 1000. */
    Bars bar(String open, String high, String low, String close) {
        return bar(open, high, low, close, "1000");
    }

    Bars bar(String open, String high, String low, String close, String volume) {
        return barAt(bars.size(), open, high, low, close, volume);
    }

    Bars barAt(int minute, String open, String high, String low, String close, String volume) {
        bars.add(new Bar(instrument, Timeframe.M1, at(minute), Price.of(open), Price.of(high), Price.of(low), Price.of(close), Quantity.of(volume)));
        return this;
    }

    /** {@code n} quiet bars at 100. */
    Bars flat(int n) {
        for (int i = 0; i < n; i++) {
            bar("100", "100", "100", "100");
        }
        return this;
    }

    List<Bar> list() {
        return List.copyOf(bars);
    }

    Bar get(int i) {
        return bars.get(i);
    }

    MarketData data() {
        return MarketData.of(bars);
    }
}
