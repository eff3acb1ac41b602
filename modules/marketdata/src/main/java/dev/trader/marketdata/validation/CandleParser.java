package dev.trader.marketdata.validation;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.BarDefect;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.RejectReason;
import dev.trader.marketdata.file.RawRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns one row's six values into a {@link Bar}, or says which rule the row breaks first. */
final class CandleParser {
    private final InstrumentId instrument;
    private final Timeframe timeframe;

    CandleParser(InstrumentId instrument, Timeframe timeframe) {
        this.instrument = instrument;
        this.timeframe = timeframe;
    }

    Bar parse(RawRow.Values row) throws RowRejectedException {
        List<String> values = row.values();
        Instant openTime = OpenTimeField.parse(values.get(0));
        BigDecimal open = DecimalField.parse(values.get(1), "open");
        BigDecimal high = DecimalField.parse(values.get(2), "high");
        BigDecimal low = DecimalField.parse(values.get(3), "low");
        BigDecimal close = DecimalField.parse(values.get(4), "close");
        BigDecimal volume = DecimalField.parse(values.get(5), "volume");
        Price o = price(open, "open");
        Price h = price(high, "high");
        Price l = price(low, "low");
        Price c = price(close, "close");
        // The domain owns the OHLC and alignment rules; this only words them for the report.
        Optional<BarDefect> defect = Bar.defect(timeframe, openTime, o, h, l, c);
        if (defect.isPresent()) {
            throw new RowRejectedException(RejectReason.of(defect.get()), explain(defect.get(), openTime, o, h, l, c));
        }
        if (volume.signum() < 0) {
            throw new RowRejectedException(RejectReason.NEGATIVE_VOLUME, "volume " + volume.toPlainString() + " is negative");
        }
        return new Bar(instrument, timeframe, openTime, o, h, l, c, quantity(volume));
    }

    private static Price price(BigDecimal value, String name) throws RowRejectedException {
        try {
            return Price.of(value);
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(RejectReason.OUT_OF_RANGE, name + ": " + e.getMessage());
        }
    }

    private static Quantity quantity(BigDecimal value) throws RowRejectedException {
        try {
            return Quantity.of(value);
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(RejectReason.OUT_OF_RANGE, "volume: " + e.getMessage());
        }
    }

    private String explain(BarDefect defect, Instant openTime, Price open, Price high, Price low, Price close) {
        return switch (defect) {
            case NON_POSITIVE_PRICE -> "prices must be positive: open " + open + ", high " + high + ", low " + low + ", close " + close;
            case HIGH_BELOW_OPEN_CLOSE_OR_LOW -> "high " + high + " is below "
                    + (high.compareTo(low) < 0 ? "low " + low : high.compareTo(open) < 0 ? "open " + open : "close " + close);
            case LOW_ABOVE_OPEN_OR_CLOSE -> "low " + low + " is above " + (low.compareTo(open) > 0 ? "open " + open : "close " + close);
            case MISALIGNED_TIME -> "open time " + openTime + " is not on a " + timeframe.label() + " boundary";
            case NEGATIVE_VOLUME -> "volume is negative";
        };
    }
}
