package dev.trader.execution.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's request signature: the lowercase hex HMAC-SHA256, keyed with the API secret, of
 * {@code totalParams} = the query string followed directly by the request body (no separator),
 * exactly as they are sent (already percent-encoded).
 */
public final class BinanceSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public BinanceSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the API secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String sign(String queryString, String body) {
        return sign((queryString == null ? "" : queryString) + (body == null ? "" : body));
    }

    public String sign(String totalParams) {
        try {
            // A Mac is not thread-safe; one per signature costs microseconds.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "BinanceSigner[secret=<redacted>]";
    }
}
