package dev.trader.execution.binance;

import java.util.Map;
import java.util.Objects;

/**
 * The API key and secret, read from the environment (never from a file in the repository). Neither
 * value ever leaves this object except as the {@code X-MBX-APIKEY} header and as the HMAC key:
 * {@link #toString()} and every error name the variable, never its content.
 */
public final class BinanceCredentials {
    private static final int MAX_LENGTH = 512;
    private final String apiKey;
    private final BinanceSigner signer;

    private BinanceCredentials(String apiKey, String secret) {
        this.apiKey = apiKey;
        this.signer = new BinanceSigner(secret);
    }

    /** Reads the variables named in {@code settings} from the process environment. */
    public static BinanceCredentials fromEnvironment(BinanceSettings settings) {
        return fromEnvironment(System.getenv(), settings.apiKeyEnv(), settings.apiSecretEnv());
    }

    /** Reads {@code keyVariable} and {@code secretVariable} from {@code environment} (a map, so tests need no real environment). */
    public static BinanceCredentials fromEnvironment(Map<String, String> environment, String keyVariable, String secretVariable) {
        Objects.requireNonNull(environment, "environment");
        String key = checked(environment.get(keyVariable), "environment variable " + keyVariable);
        String secret = checked(environment.get(secretVariable), "environment variable " + secretVariable);
        return new BinanceCredentials(key, secret);
    }

    /** Explicit values, for the simulator and tests. */
    public static BinanceCredentials of(String apiKey, String secret) {
        return new BinanceCredentials(checked(apiKey, "the API key"), checked(secret, "the API secret"));
    }

    /**
     * A credential goes into an HTTP header: anything but printable ASCII without spaces could
     * split the header, so it is refused (the message says where it came from, not what it is).
     */
    private static String checked(String value, String source) {
        if (value == null) {
            throw new IllegalStateException(source + " is not set");
        }
        if (value.isBlank()) {
            throw new IllegalStateException(source + " is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalStateException(source + " is longer than " + MAX_LENGTH + " characters (value not shown)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 127) {
                throw new IllegalStateException(source + " contains a space, control or non-ASCII character (value not shown)");
            }
        }
        return value;
    }

    /** The {@code X-MBX-APIKEY} header value; package-private so that nothing outside the adapter can print it. */
    String apiKey() {
        return apiKey;
    }

    BinanceSigner signer() {
        return signer;
    }

    @Override
    public String toString() {
        return "BinanceCredentials[apiKey=<redacted>, secret=<redacted>]";
    }
}
