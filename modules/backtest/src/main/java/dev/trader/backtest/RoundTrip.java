package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed trade: bought, then sold back to flat.
 *
 * @param openTime     the bar timestamp (open time) of the first entry fill
 * @param closeTime    the bar timestamp of the last exit fill
 * @param entryPrice   the entry fill price; with several entry fills, their volume-weighted
 *                     average (rounded half-even to 10 decimals)
 * @param exitPrice    the same for the exit fills
 * @param quantity     the quantity bought (and sold)
 * @param pnl          sold notional minus bought notional, before fees
 * @param fees         the fees of every entry and exit fill
 * @param pnlAfterFees {@code pnl − fees}
 * @param exitReason   what made the last exit fill
 * @param initialStop  the protective stop the entry placed (the signal's {@code stop_price}, as
 *                     the exchange worked it), or null when the entry had none: the trade's
 *                     initial risk, the "1R" of R multiples, is {@code (entryPrice − initialStop) × quantity}
 * @param slippage     what slippage and half the spread cost on the taker fills of the trade:
 *                     per fill {@code |fill price − reference price| × quantity} (the reference is
 *                     the open, the stop, or the last close of a close-out), rounded half-even to
 *                     money scale per fill; already inside {@code pnl}, reported to show it
 */
public record RoundTrip(InstrumentId instrument, Instant openTime, Instant closeTime, Price entryPrice, Price exitPrice, Quantity quantity,
                        Money pnl, Money fees, Money pnlAfterFees, ExitReason exitReason, Price initialStop, Money slippage) {
    public RoundTrip {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(pnlAfterFees, "pnlAfterFees");
        Objects.requireNonNull(exitReason, "exitReason");
        Objects.requireNonNull(slippage, "slippage");
    }

    /** A trade without a known stop and without slippage (as before the stop and slippage were recorded). */
    public RoundTrip(InstrumentId instrument, Instant openTime, Instant closeTime, Price entryPrice, Price exitPrice, Quantity quantity,
                     Money pnl, Money fees, Money pnlAfterFees, ExitReason exitReason) {
        this(instrument, openTime, closeTime, entryPrice, exitPrice, quantity, pnl, fees, pnlAfterFees, exitReason, null,
                Money.zero(pnl.currency()));
    }

    public boolean isWin() {
        return pnlAfterFees.raw() > 0;
    }
}
