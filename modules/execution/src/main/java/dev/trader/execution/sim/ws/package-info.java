/**
 * The exchange simulator's WebSocket server: Binance's market-stream protocol (raw and combined
 * streams, live subscriptions, Binance's limits) over Pekko HTTP, fed by the simulator core
 * through {@link dev.trader.execution.sim.SimStreams}. Entry point:
 * {@link dev.trader.execution.sim.ws.SimWebSocketServer}.
 */
package dev.trader.execution.sim.ws;
