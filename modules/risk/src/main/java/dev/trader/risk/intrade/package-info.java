/**
 * The in-trade manager: a pure state machine that the Position entity (and the backtest loop)
 * runs on every bar of an open trade. {@link dev.trader.risk.intrade.ManagedTrade#open} starts
 * a trade; {@link dev.trader.risk.intrade.InTradeManager#onBar} turns (trade, bar, inputs)
 * into a {@link dev.trader.risk.intrade.Transition}: the next trade and the
 * {@link dev.trader.risk.intrade.TradeEvent}s of that bar. The rules below are for a long; a
 * short mirrors them (high for low, up for down).
 *
 * <h2>Bar counting</h2>
 * The manager is given every bar traded while the trade is open, in order, each once,
 * starting with the first bar that trades after the entry fill (for an entry filled at a
 * bar's open, that bar). The first bar given is bar 1; {@code barsInTrade} is the number of
 * bars processed. With {@code maxBarsInTrade = N} the trade is closed at the close of bar N
 * at the latest: it is held for exactly N bars unless something closes it earlier.
 *
 * <h2>Order of events within one bar (conservative, no look-ahead)</h2>
 * <ol>
 *   <li><b>The open</b> is the bar's first price. If it is at or below the stop, everything
 *       exits there ({@code StopHit} at the open: a gap fills at the open, not at the stop).
 *       Otherwise every pending rung at or below the open fills at the open, and so does the
 *       target if the open reached it.</li>
 *   <li><b>Inside the bar</b> the path is unknown, so the adverse case is assumed: if the low
 *       reached the stop, everything still open exits at the stop price, and no rung or target
 *       that the high reached in the same bar fills. Otherwise rungs whose price the high
 *       reached fill at their price, in ladder order, then the target if reached.</li>
 *   <li><b>The close</b>: if the bar is bar N of a time stop, everything exits at the close
 *       ({@code TimeExit}); otherwise, on an opposite signal with the plan's flag set,
 *       everything exits at the close ({@code OppositeSignalExit}); otherwise the stop is
 *       re-evaluated (break-even, trailing) and may tighten ({@code StopMoved}).</li>
 * </ol>
 * The stop checked in a bar is always the one in force at its open: a stop moved at a bar's
 * close applies from the next bar only. A stop moved to or through the close is hit at the
 * next bar's open (a gap); the engine should exit at market rather than place a stop order
 * that would trigger at once. Every exit that closes the trade is followed by
 * {@code PositionClosed}. A closed trade takes no more bars.
 *
 * <h2>Stop updates at the close</h2>
 * Candidates, the tightest of which wins (ties go to the first listed); the stop never moves
 * back:
 * <ul>
 *   <li>break-even: once the highest high since entry reached {@code entry + trigger × R}, the
 *       stop moves to {@code entry + offset};</li>
 *   <li>ATR trail: {@code highest high since entry (this bar included) − multiple × ATR},
 *       with this bar's ATR (none while the ATR is NaN);</li>
 *   <li>swing trail: {@code last confirmed swing low − one tick}.</li>
 * </ul>
 *
 * <h2>Rounding</h2>
 * <ul>
 *   <li>Stops (the initial one, break-even, trailing) round to the tick in the protective
 *       direction: up for a long, down for a short. A break-even stop therefore never locks in
 *       less than {@code entry + offset}, and R is measured from the rounded initial stop.</li>
 *   <li>Rung and target prices round to the tick away from the entry, so they never fill short
 *       of their R level. The break-even trigger compares the high with the exact level.</li>
 *   <li>A rung sells its fraction of the original quantity rounded down to the lot, capped at
 *       what is open. When the ladder's fractions sum to exactly 1, the last rung takes all
 *       that remains. A rung that would leave a remainder below the venue's minimum quantity
 *       (or one lot) takes the remainder too, so no dust is ever left open; a rung whose share
 *       rounds below the minimum while enough would remain is skipped (counted as done, no
 *       fill). Every other exit takes everything open. The original quantity must be on the
 *       lot grid and at least the minimum, so the open quantity always is too (or zero). The
 *       minimum notional is not enforced: an exit must happen whatever its size.</li>
 * </ul>
 *
 * <h2>P&amp;L</h2>
 * Each exit fill carries {@code (price − entry) × quantity} (negated for a short), exact in
 * {@link java.math.BigDecimal}, in the quote currency, before fees. Their sum is the trade's
 * {@code realizedPnl} and the {@code PositionClosed} total, exactly. The domain
 * {@link dev.trader.domain.position.Position} books the same fills in
 * {@link dev.trader.domain.money.Money}, rounding each to 8 decimals; where price and
 * quantity decimals together fit in 8, the two agree exactly. Exit prices are the
 * manager's model (stop, open, rung, target or close price); live, the engine reconciles the
 * venue's actual fills separately.
 */
package dev.trader.risk.intrade;
