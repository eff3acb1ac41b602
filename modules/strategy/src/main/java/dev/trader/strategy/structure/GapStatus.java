package dev.trader.strategy.structure;

/** A gap that is still tracked, with how much of it has been filled so far. */
public record GapStatus(FairValueGap gap, FillStatus status, double filledFraction) {
}
