/**
 * Performance metrics of a backtest: computed from its equity curve and its round trips, so that
 * anyone can recompute them from {@code equity.csv} and {@code trades.csv}.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>Money is exact</b>: P&amp;L, fees, slippage, drawdown, expectancy, traded notional are
 *       {@link dev.trader.domain.money.Money} (8 decimals, half-even). Ratios (Sharpe, CAGR,
 *       profit factor, R multiples, exposure, turnover) are {@code double}; {@code NaN} means
 *       "not defined" (too few returns, no losses, no stop) and is written as JSON {@code null}.</li>
 *   <li><b>Period</b>: from the first bar's open to the last bar's close (last equity point +
 *       one bar). Years are that period over <b>365 days</b> (crypto trades every day).</li>
 *   <li><b>Returns</b>: simple returns of equity. <i>Per bar</i>: one per equity point (one per
 *       bar timestamp of the merged timeline), the first against the initial cash. <i>Daily</i>:
 *       one per UTC calendar day that has points, from the equity at the day's last point, the
 *       first against the initial cash. When an equity value on the way is &le; 0 (no margin
 *       check), the ratios are not defined.</li>
 *   <li><b>Sharpe</b> = mean(r) / sd(r) × √N with the sample standard deviation (n − 1), the
 *       risk-free rate 0, and N the periods per year: 365 × 24 × 60 / (bar minutes) per bar
 *       (525,600 for 1m; the bar length is nominal, gaps are not stretched), 365 per day.
 *       {@code sharpe} and {@code sortino} are per bar (they work on a two-day window too);
 *       {@code sharpe_daily} and {@code sortino_daily} are the usual daily figures.</li>
 *   <li><b>Sortino</b> = mean(r) / DD × √N with the downside deviation DD = √(Σ min(r, 0)² / n)
 *       over all n returns (target 0).</li>
 *   <li><b>CAGR</b> = (final / initial)^(1 / years) − 1 (−1 when final equity &le; 0); on a
 *       week of data it extrapolates wildly, which is what it means.</li>
 *   <li><b>Calmar</b> = CAGR / max drawdown fraction, over the whole period (not 36 months).</li>
 *   <li><b>Drawdown</b>: as the equity curve defines it, below the running peak of the curve's
 *       points (the first point starts the peak). Max drawdown in money and as a fraction of its
 *       peak; its <b>duration</b> is the longest time under water: from a peak to the first point
 *       back at or above it, or to the last point when it never recovers.</li>
 *   <li><b>Trade statistics</b> are over round trips (positions still open at the end are not
 *       trades yet). A win has P&amp;L after fees &gt; 0, a loss &lt; 0. Profit factor = gross
 *       profit / gross loss (after fees; not defined without a losing trade). Expectancy =
 *       net P&amp;L / trades.</li>
 *   <li><b>R multiples</b>: R = P&amp;L after fees / initial risk, the initial risk being
 *       {@code (entry price − initial stop) × quantity} (long only). Only trades whose entry
 *       placed a stop have an R (R1 trades do; a strategy without {@code stop_price} gives
 *       R = N/A), and only when the entry is above the stop. {@code expectancy_r} is the mean R
 *       (Van Tharp's expectancy), {@code avg_win_r} and {@code avg_loss_r} the mean R of the
 *       winners and of the losers; {@code r_trades} says over how many trades.</li>
 *   <li><b>Exposure</b>: the fraction of equity points (bar closes) at which any position is
 *       held (equity differs from cash). <b>Average hold</b>: mean of close time − open time.
 *       <b>Turnover</b>: traded notional (every fill, buys and sells) over the mean equity,
 *       over the whole period (not annualised).</li>
 *   <li><b>Fees</b>: {@code fees} over round trips (as trades.csv), {@code fees_all_fills} also
 *       counts the fills of positions still open. <b>Slippage cost</b>: over round trips, what
 *       slippage and half the spread cost against the reference prices (see
 *       {@link dev.trader.backtest.RoundTrip#slippage()}).</li>
 *   <li><b>Hit rate by session</b>: trades by the sessions open at their entry (the entry
 *       fill's bar time) on {@link dev.trader.strategy.session.SessionClock#defaults()} (Tokyo,
 *       London, New York local hours with daylight saving); a trade entered in an overlap counts
 *       for both sessions, one entered in none of them (weekends, 21:00–24:00 UTC) for
 *       "outside". <b>By weekday × hour</b>: UTC weekday and hour of the entry.</li>
 * </ul>
 */
package dev.trader.backtest.metrics;
