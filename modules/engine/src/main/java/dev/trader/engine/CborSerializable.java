package dev.trader.engine;

/**
 * Marker for every message, event and state that crosses the network or the journal: bound
 * to Jackson CBOR in {@code serialization.conf}. Nothing falls back to Java serialization.
 */
public interface CborSerializable {
}
