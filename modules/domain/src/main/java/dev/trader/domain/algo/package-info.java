/**
 * Execution algorithms as pure functions of exact quantities and event time: how a large order
 * is cut into child orders ({@link dev.trader.domain.algo.TwapScheduler},
 * {@link dev.trader.domain.algo.VwapScheduler} on a {@link dev.trader.domain.algo.VolumeProfile},
 * {@link dev.trader.domain.algo.PovSchedule}) and whether a child rests at the touch or crosses the
 * spread ({@link dev.trader.domain.algo.ChildRoute}). No clock is read: every time is a bar's, so a
 * replay schedules the same children. The engine's parent-order entity journals what they decide.
 */
package dev.trader.domain.algo;
