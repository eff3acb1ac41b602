package dev.trader.domain.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Our id for an order, sent to the venue as {@code newClientOrderId}. It is derived from the
 * intent (strategy, instrument, signal time, leg), so a retry, a replay or a second node
 * deciding the same thing produces the same id and the venue can reject the duplicate.
 */
public record ClientOrderId(String value) {
    /** Binance's rule for client order ids. */
    private static final Pattern VALID = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");

    public ClientOrderId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("client order id must match " + VALID + " but was '" + value + "'");
        }
    }

    public static ClientOrderId derive(StrategyId strategy, InstrumentId instrument, Instant signalTime, int leg) {
        return ofKey(strategy.value() + '|' + instrument.value() + '|' + signalTime.toEpochMilli() + '|' + leg);
    }

    /** The id of an order named by {@code key} (an exit order of a position, say): the same key, the same id. */
    public static ClientOrderId ofKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new ClientOrderId("t" + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
