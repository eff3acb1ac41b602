package dev.trader.strategy.combine;

/**
 * How the stances of several signal sources become one.
 * <ul>
 *   <li>{@code VOTE}: the direction most sources hold wins; a tie is no stance.</li>
 *   <li>{@code WEIGHTED}: each source adds its weight to its direction; the heaviest wins if
 *       its share of the total weight (silent sources included) is at least the threshold, with
 *       the weighted mean confidence of the sources that hold it.</li>
 *   <li>{@code UNANIMOUS}: every source must hold the same direction.</li>
 *   <li>{@code THRESHOLD}: a direction held by at least {@code quorum} sources wins.</li>
 * </ul>
 */
public enum AggregationMode { VOTE, WEIGHTED, UNANIMOUS, THRESHOLD }
