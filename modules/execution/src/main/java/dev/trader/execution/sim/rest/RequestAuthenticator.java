package dev.trader.execution.sim.rest;

import dev.trader.execution.sim.api.BinanceError;
import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Binance's request security, in the order a request meets it: the API key (-2014 missing or
 * malformed, -2015 unknown), the signature (-1102 missing, -1022 wrong: HMAC-SHA256 of
 * totalParams = the raw query string concatenated with the raw body, without the signature
 * pair, compared case-insensitively), then timing ({@code timestamp} mandatory; recvWindow
 * default 5000, above the maximum -1131; rejected with -1021 unless
 * {@code timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow}).
 */
final class RequestAuthenticator {
    private static final BigDecimal DEFAULT_RECV_WINDOW = BigDecimal.valueOf(5000);

    private final Map<String, String> secrets;
    private final long maxRecvWindowMs;

    RequestAuthenticator(Map<String, String> secrets, long maxRecvWindowMs) {
        this.secrets = secrets;
        this.maxRecvWindowMs = maxRecvWindowMs;
    }

    /** Checks what {@code security} requires; returns the API key (null for NONE). */
    String check(Security security, String apiKey, RequestParams params, String rawQuery, String rawBody, long serverTime) {
        if (security == Security.NONE) {
            return null;
        }
        if (apiKey == null || apiKey.isBlank() || !apiKey.chars().allMatch(c -> c > 32 && c < 127)) {
            throw BinanceError.apiKeyFormatInvalid().exception();
        }
        String secret = secrets.get(apiKey);
        if (secret == null) {
            throw BinanceError.apiKeyRejected().exception();
        }
        if (security == Security.USER_STREAM) {
            return apiKey;
        }
        String signature = params.string("signature").orElseThrow(() -> BinanceError.mandatory("signature").exception());
        String payload = withoutSignature(rawQuery) + withoutSignature(rawBody);
        if (!HmacSha256.sign(secret, payload).equalsIgnoreCase(signature)) {
            throw BinanceError.badSignature().exception();
        }
        long timestamp = params.time("timestamp").orElseThrow(() -> BinanceError.mandatory("timestamp").exception());
        BigDecimal recvWindow = params.decimal("recvWindow").orElse(DEFAULT_RECV_WINDOW);
        if (recvWindow.compareTo(BigDecimal.valueOf(maxRecvWindowMs)) > 0) {
            throw BinanceError.recvWindowTooLarge(maxRecvWindowMs).exception();
        }
        if (timestamp >= serverTime + 1000) {
            throw BinanceError.timestampAhead().exception();
        }
        if (BigDecimal.valueOf(serverTime - timestamp).compareTo(recvWindow) > 0) {
            throw BinanceError.timestampOutsideRecvWindow().exception();
        }
        return apiKey;
    }

    /** The raw part with its {@code signature=...} pair removed, the rest exactly as sent. */
    static String withoutSignature(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : raw.split("&", -1)) {
            if (!pair.startsWith("signature=") && !pair.equals("signature")) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }
}
