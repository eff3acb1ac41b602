/**
 * Projections of tagged journal events into database tables ({@link dev.trader.engine.projection.TaggedEventsProjection}):
 * the polling, batching, offset and retry that the audit trail and the read model share.
 */
package dev.trader.engine.projection;
