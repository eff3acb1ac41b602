/**
 * The JSON of the read endpoints ({@code /api/orders}, {@code /api/trades}, {@code /api/signals},
 * {@code /api/metrics}) over the read model's rows
 * ({@code dev.trader.engine.readmodel.query.ReadModelQueries}): exact decimals as strings, instants
 * as ISO-8601 UTC. The CSV export is {@code ReadModelQueries.tradesCsv} as it is ({@code text/csv}).
 */
package dev.trader.api.read;
