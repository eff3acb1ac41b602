package dev.trader.engine.readmodel.query;

import dev.trader.domain.position.PositionSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed round trip (table {@code rm_trades}): a position from the fill that opened it to the fill
 * that made it flat again (or reversed it), {@code tradeId} = {@code <positionId>#<n>}.
 *
 * @param quantity     everything entered on {@code side}
 * @param entryPrice   the entry fills' quantity-weighted average (10 decimals, half-even, as a position's average)
 * @param exitPrice    the closing fills' quantity-weighted average, likewise
 * @param pnl          the realized P&amp;L before fees, exactly as the Position entity booked it
 * @param fees         every fee of the round trip's fills
 * @param pnlAfterFees {@code pnl − fees}: what a win or a loss is judged by
 * @param initialStop  the stop the entry was approved with (the in-trade manager's, on the tick, when it manages the trade); null if none is known
 * @param initialRisk  {@code |entryPrice − initialStop| × quantity} when the stop is on the losing side; null otherwise
 * @param rMultiple    {@code pnlAfterFees / initialRisk}, 8 decimals half-even; null without an initial risk
 * @param holdMinutes  exit time − entry time in minutes, 4 decimals half-even
 * @param exitKind     what the closing fill was for the in-trade manager (STOP, TARGET, RUNG, …); null for an unmanaged exit
 * @param regime       the {@code regime} its entry signal carried in its metadata; null when it carried none
 * @param session      the sessions open at the entry (ASIA, LONDON, NEW_YORK joined by '+', or OUTSIDE), on the default session clock
 */
public record TradeRow(String tradeId, String positionId, int roundTrip, String strategy, String instrument, PositionSide side, BigDecimal quantity,
                       Instant entryTime, BigDecimal entryPrice, Instant exitTime, BigDecimal exitPrice, BigDecimal pnl, BigDecimal fees,
                       BigDecimal pnlAfterFees, String currency, BigDecimal initialStop, BigDecimal initialRisk, BigDecimal rMultiple,
                       BigDecimal holdMinutes, String exitKind, String regime, String session) {
    public TradeRow {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(pnlAfterFees, "pnlAfterFees");
    }

    public boolean isWin() {
        return pnlAfterFees.signum() > 0;
    }

    public boolean isLoss() {
        return pnlAfterFees.signum() < 0;
    }
}
