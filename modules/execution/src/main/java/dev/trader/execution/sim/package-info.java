/**
 * The exchange simulator: Binance's spot REST API (a subset) and user-data events over a replay
 * of recorded market data, with a ledger that is the truth and seeded faults. Start at
 * {@link dev.trader.execution.sim.ExchangeSimulator}.
 * <p>
 * Packages: {@code config} (what a run is made of), {@code market} (candles, frames, the market
 * clock, books), {@code exchange} (matching engine and ledger), {@code rest} (the HTTP API),
 * {@code stream} (listen keys and user-data payloads), {@code fault} (fault plan, injector, log),
 * {@code api} (Binance's error model, wire decimals and wire times).
 * <p>
 * Where it knowingly differs from Binance (each one a simplification a client can live with):
 * <ul>
 *   <li>Orders never trade while they are placed: they rest until the next replayed bar (after
 *       {@code latency}), so placement answers are NEW with no fills; MARKET and stop-market
 *       orders trade at the bar's open or stop price, limits at the open or their price, within
 *       {@code maxParticipation} of the bar's volume per order per bar (the rest stays open, also
 *       for MARKET orders, which Binance would sweep through the book).</li>
 *   <li>Commission is charged in the symbol's quote asset on every fill (Binance charges the
 *       asset received); a BUY therefore locks price × quantity × (1 + the higher fee rate), and a
 *       MARKET/STOP_LOSS BUY locks at the last close (stop, if higher) × (1 + marketLockMargin).</li>
 *   <li>Market orders and the notional filter use the last close as the reference price
 *       (exchangeInfo says avgPriceMins 0: "the last price is used").</li>
 *   <li>A quoteOrderQty order reports origQty as what it has executed so far.</li>
 *   <li>One account for all API keys; order limits count every placed order (no unfilled-order
 *       decrement); the request-weight limit is per client IP as Pekko sees it.</li>
 *   <li>No REJECTED executionReports: refusals are REST errors, as for single orders at Binance.</li>
 *   <li>5xx faults answer HTTP 503 with {@code -1000 "Unknown error, please check your request or
 *       try again later."}, -1007 comes with 503 too (its execution status is unknown).</li>
 *   <li>Klines: interval 1m only (-1120 otherwise); Freqtrade candles carry no trade count or
 *       taker volumes (0) and an approximated quote volume.</li>
 * </ul>
 */
package dev.trader.execution.sim;
