package dev.trader.domain.market;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One OHLCV candle. Only consistent bars can be constructed: {@link #defect} lets a reader
 * report why a row is not one instead of throwing.
 */
public record Bar(InstrumentId instrument, Timeframe timeframe, Instant openTime,
                  Price open, Price high, Price low, Price close, Quantity volume) {

    public Bar {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(volume, "volume");
        defect(timeframe, openTime, open, high, low, close).ifPresent(d -> {
            throw new IllegalArgumentException("inconsistent bar " + instrument + " " + openTime + ": " + d.code());
        });
    }

    /** The first rule the values break, if any. Volume is a {@link Quantity}, so never negative here. */
    public static Optional<BarDefect> defect(Timeframe timeframe, Instant openTime, Price open, Price high, Price low, Price close) {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (!open.isPositive() || !high.isPositive() || !low.isPositive() || !close.isPositive()) {
            return Optional.of(BarDefect.NON_POSITIVE_PRICE);
        }
        if (high.compareTo(open) < 0 || high.compareTo(close) < 0 || high.compareTo(low) < 0) {
            return Optional.of(BarDefect.HIGH_BELOW_OPEN_CLOSE_OR_LOW);
        }
        if (low.compareTo(open) > 0 || low.compareTo(close) > 0) {
            return Optional.of(BarDefect.LOW_ABOVE_OPEN_OR_CLOSE);
        }
        if (!timeframe.isAligned(openTime)) {
            return Optional.of(BarDefect.MISALIGNED_TIME);
        }
        return Optional.empty();
    }

    public Instant closeTime() {
        return openTime.plus(timeframe.duration());
    }
}
