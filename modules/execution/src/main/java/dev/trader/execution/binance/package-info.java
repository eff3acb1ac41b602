/**
 * The Binance spot adapter: {@link dev.trader.execution.binance.BinanceExecutionClient} (the
 * engine's ExecutionClient) over {@link dev.trader.execution.binance.BinanceRestClient} (REST,
 * JDK HttpClient) and {@link dev.trader.execution.binance.BinanceUserDataStream} (user-data
 * WebSocket, JDK WebSocket), assembled by {@link dev.trader.execution.binance.BinanceVenue}. It
 * speaks to api.binance.com or to a Binance-compatible simulator alike; only
 * {@link dev.trader.execution.binance.BinanceSettings} differ.
 *
 * <p>Decisions taken here:
 * <ul>
 * <li><b>Outcomes.</b> Only what certainly had no effect is REJECTED: a Binance 4xx refusal with
 *     its code (except -1000/-1001/-1006/-1007, "execution status unknown"), an order refused
 *     locally (filters, reduce-only, untraded symbol), a request never sent (circuit breaker open,
 *     a rate-limit window or ban longer than {@code max-queue-wait}). Timeouts, resets, 5xx and
 *     answers we refused to read are UNKNOWN: the order may exist and the engine queries it.</li>
 * <li><b>Rounding</b> is in {@link dev.trader.execution.binance.ExchangeFilters}: quantity down;
 *     limit buy down, limit sell up; stop triggers toward the market (sell stop up, buy stop
 *     down), so the loss at the stop is never larger than sized.</li>
 * <li><b>Reduce-only</b> is emulated from our own fills: capped at what is held, refused when
 *     nothing is, the other resting reduce-only orders cancelled once nothing is held. Spot locks
 *     the balance of every resting sell, so two reduce-only sells of the whole holding (a stop and
 *     a target) cannot both rest at Binance: the second is refused with -2010.</li>
 * <li><b>Fees</b> in the quote asset are taken as is, in the base asset converted at the fill
 *     price (and deducted from what is held, as Binance does), in any other asset (BNB) only with
 *     configured prices; otherwise the fill is refused with an error log.</li>
 * <li><b>Secrets</b> live only in {@link dev.trader.execution.binance.BinanceCredentials}: no
 *     log line, message or toString carries the key or the secret, and request URLs (which carry
 *     signatures) are never logged.</li>
 * </ul>
 */
package dev.trader.execution.binance;
