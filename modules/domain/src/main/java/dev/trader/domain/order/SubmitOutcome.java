package dev.trader.domain.order;

/** What a venue answered to a submission. UNKNOWN is a timeout or an error that proves nothing. */
public enum SubmitOutcome { ACCEPTED, REJECTED, UNKNOWN }
