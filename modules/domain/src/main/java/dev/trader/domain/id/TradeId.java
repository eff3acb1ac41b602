package dev.trader.domain.id;

/** An execution id as the venue reports it; each one is applied to a position exactly once. */
public record TradeId(String value) {
    public TradeId {
        Identifiers.token(value, "trade id");
    }

    @Override
    public String toString() {
        return value;
    }
}
