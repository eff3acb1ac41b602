package dev.trader.domain.id;

/** A trading account (one risk budget, one set of prop-firm floors). */
public record AccountId(String value) {
    public AccountId {
        Identifiers.token(value, "account id");
    }

    @Override
    public String toString() {
        return value;
    }
}
