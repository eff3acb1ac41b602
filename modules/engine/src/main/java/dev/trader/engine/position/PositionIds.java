package dev.trader.engine.position;

import dev.trader.domain.id.InstrumentId;

/** Position entity ids: {@code account:venue:SYMBOL:n}, n counting the positions opened. */
public final class PositionIds {
    private PositionIds() {
    }

    public static String of(String accountId, InstrumentId instrument, int seq) {
        return accountId + ":" + instrument.value() + ":" + seq;
    }

    /** The instrument part of a position id. */
    public static InstrumentId instrumentOf(String positionId) {
        String[] parts = positionId.split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("position id must look like account:venue:SYMBOL:n but was '" + positionId + "'");
        }
        return new InstrumentId(parts[1], parts[2]);
    }
}
