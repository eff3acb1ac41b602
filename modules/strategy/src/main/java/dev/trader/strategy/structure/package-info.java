/**
 * Price-structure detectors: swings, market structure, equal highs/lows, liquidity sweeps, fair
 * value gaps, divergences, candlestick patterns and support/resistance levels.
 *
 * <p>Every detector is incremental, mutable {@link dev.trader.strategy.state.StateObject} state:
 * fed one closed bar at a time as doubles (open, high, low, close) plus the bar's open time in
 * ms, it updates in O(1) amortized (or O(a configured bound), never O(history)) from bounded ring
 * buffers of primitives, and returns the events that bar's close made known as small immutable
 * records. Bar indexes count the bars fed to the detector from 0. Nothing is reported before the
 * bars that define it have closed: a swing with {@code right} bars on its right side is reported
 * by the update of bar {@code pivot + right} ({@link dev.trader.strategy.structure.Swing#confirmedIndex()}),
 * and every event built on swings inherits that delay.
 *
 * <p>Each detector's class comment states its exact definition, its tie rules and its
 * thresholds. Detectors built on swings ({@link dev.trader.strategy.structure.MarketStructure},
 * {@link dev.trader.strategy.structure.EqualLevelDetector},
 * {@link dev.trader.strategy.structure.LiquiditySweepDetector},
 * {@link dev.trader.strategy.structure.DivergenceDetector},
 * {@link dev.trader.strategy.structure.SupportResistanceLevels}) embed their own
 * {@link dev.trader.strategy.structure.SwingDetector}, so each is self-contained state that the
 * engine can snapshot on its own.
 */
package dev.trader.strategy.structure;
