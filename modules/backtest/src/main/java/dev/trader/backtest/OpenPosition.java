package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * A position still open when the data ended ({@link EndOfData#REPORT_OPEN}).
 *
 * @param openTime      the bar timestamp of its first entry fill
 * @param entryPrice    the (average) entry price
 * @param quantity      what is held
 * @param markTime      the timestamp of the instrument's last bar
 * @param markPrice     that bar's close
 * @param unrealizedPnl the trade's P&L if what is held were sold at {@code markPrice}: held × mark
 *                      plus sold value minus bought value, before fees
 * @param fees          the fees paid on its fills so far
 */
public record OpenPosition(InstrumentId instrument, Instant openTime, Price entryPrice, Quantity quantity, Instant markTime, Price markPrice,
                           Money unrealizedPnl, Money fees) {
    public OpenPosition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(markTime, "markTime");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        Objects.requireNonNull(fees, "fees");
    }
}
