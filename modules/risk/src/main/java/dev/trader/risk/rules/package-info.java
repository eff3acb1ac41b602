/**
 * Pre-trade risk: the rules an entry passes before an order may leave, as pure functions.
 *
 * <h2>How the engine uses it</h2>
 * <pre>{@code
 * RiskConfig config = RiskConfig.read(flattenedTraderRiskKeys, initialCapital);   // fails naming the key
 * PreTradeRisk risk = new PreTradeRisk(config, instrumentRules);
 * AccountRisk state = risk.start(firstBarTime);                 // or rebuilt by replaying RiskEvents
 * CalendarSource news = CalendarSource.open(calendarPath);      // the engine calls news.refresh() per bar
 *
 * // every bar close, after applying Marked(instrument, close) for held instruments:
 * state = state.applyAll(risk.observe(state, barClose));        // day roll, halt (+ FlattenRequested), drawdown lock
 *
 * // a signal:
 * Evaluation e = risk.evaluate(state, new EntryRequest(intent, regime, session, atr, swingLow, swingHigh),
 *                              correlations, news.calendar());
 * persist(e.events()); state = e.applyTo(state);                // IntentDecided reserves an approved entry
 * // right before sending the final order:
 * Evaluation again = risk.recheck(state, orderRequest, correlations, news.calendar());
 * // fills and order ends:
 * state = state.apply(RiskEvent.Filled.of(fill, strategy, stop)); state = state.apply(new RiskEvent.OrderClosed(t, id));
 * // exits (reduce-only intents): risk.evaluateExit(state, intent); operators: KillSwitchSet, HaltCleared; trader: SelfReported
 * }</pre>
 *
 * <h2>Settings (flattened HOCON keys; default; allowed range)</h2>
 * <pre>
 * trader.risk.fee-rate                                0.001        0..0.05 (reserved on every fill in the worst case)
 * trader.risk.par-currencies.&lt;CODE&gt;                  e.g. USDE = USD (USDT, USDC, BUSD, TUSD, FDUSD, USDP, DAI → USD and EURC → EUR are built in)
 * trader.risk.leverage-cap                            3            1..10 (10 is also re-applied by recheck)
 * trader.risk.limits.max-position-notional            1 × capital  per symbol and per correlated group
 * trader.risk.limits.max-gross-notional               3 × capital
 * trader.risk.limits.max-net-notional                 2 × capital
 * trader.risk.limits.max-currency-exposure            2 × capital  per currency leg
 * trader.risk.limits.correlation-threshold            0.8          (0, 1]
 * trader.risk.limits.max-open-exposures               5            correlated symbols count once
 * trader.risk.limits.margin-leverage                  1            1..1000 (venue leverage; 1 = spot)
 * trader.risk.sizing.risk-fraction                    0.005        (0, 0.05]
 * trader.risk.sizing.risk-fraction-by-regime.&lt;NAME&gt;  0..0.05
 * trader.risk.sizing.session-multiplier.&lt;NAME&gt;       0..2
 * trader.risk.sizing.stop-method                      structure-else-atr | atr | structure
 * trader.risk.sizing.atr-multiple                     2            (0, 50]
 * trader.risk.sizing.structure-buffer-atr             0.1          0..10
 * trader.risk.sizing.min-stop-ticks                   1
 * trader.risk.sizing.take-profit-r                    "1, 2"       ascending
 * trader.risk.prop-firm.enabled                       true
 * trader.risk.prop-firm.daily-loss                    0.05         (0, 0.2]; FTMO's 4.5% variant: 0.045
 * trader.risk.prop-firm.max-loss                      0.10         (0, 0.5]; the 91% variant: 0.09
 * trader.risk.prop-firm.max-loss-mode                 static | trailing-eod
 * trader.risk.prop-firm.trailing-stops-at-initial     false
 * trader.risk.prop-firm.profit-target                 0.10
 * trader.risk.prop-firm.min-trading-days              4
 * trader.risk.prop-firm.floor-buffer                  0            0..0.05 of initial capital
 * trader.risk.prop-firm.gap-reserve                   0            0..0.5 of the stop price
 * trader.risk.prop-firm.on-floor                      halt-and-flatten | halt
 * trader.risk.prop-firm.day-zone                      Europe/Prague
 * trader.risk.drawdown-lock.enabled                   true
 * trader.risk.drawdown-lock.max-daily-drawdown        0.03         of the day-start balance
 * trader.risk.drawdown-lock.cooldown                  4h
 * trader.risk.loss-cluster.enabled                    true
 * trader.risk.loss-cluster.losses                     3
 * trader.risk.loss-cluster.window                     60m
 * trader.risk.loss-cluster.risk-reduction             0.5
 * trader.risk.rate-limit.&lt;tier&gt;.max-signals-per-hour 60           tier "default" always exists
 * trader.risk.rate-limit.&lt;tier&gt;.max-orders-per-hour  20
 * trader.risk.strategy-tier.&lt;strategy-id&gt;            &lt;tier&gt;
 * trader.risk.governor.enabled                        true
 * trader.risk.governor.window-trades                  20
 * trader.risk.governor.drawdown-r                     "3, 5, 8"    R, for 0.75 / 0.5 / 0
 * trader.risk.governor.loss-streak                    "2, 3, 5"
 * trader.risk.governor.self-reported                  "3, 2, 1"    state at or below
 * trader.risk.governor.cooldown                       2h
 * trader.risk.news.enabled                            true
 * trader.risk.news.before                             15m
 * trader.risk.news.after                              15m
 * trader.risk.news.min-impact                         high | medium | low | non-economic
 * trader.risk.news.currencies.&lt;SYMBOL&gt;               "USD, EUR"   replaces the derived mapping
 * </pre>
 * Any other key under {@code trader.risk.} is refused, except the foundation's
 * {@code entry-notional} and {@code max-notional-per-instrument} (still read by the engine's
 * {@code FlatRiskCheck}).
 */
package dev.trader.risk.rules;
