package dev.trader.execution.sim.market;

/** One line of a raw-frame recording: when it was received (local ns), its combined-stream name, its {@code data} object as JSON. */
public record RecordedFrame(long receivedNanos, String stream, String dataJson) {
}
