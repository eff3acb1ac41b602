package dev.trader.execution.binance;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * How the Binance adapter reaches and treats the exchange. Every value is checked here, once, and
 * a bad one is refused with a message naming its configuration key ({@code binance.<key>}), so a
 * typo fails the boot rather than the first order.
 *
 * @param restBaseUrl        {@code https://api.binance.com} live; {@code http://127.0.0.1:N} for the simulator
 * @param wsBaseUrl          {@code wss://stream.binance.com:9443} live; the user stream is {@code <ws-base-url>/ws/<listenKey>}
 * @param recvWindow         how long after its timestamp Binance may still execute a signed request (1 ms .. 60 s)
 * @param connectTimeout     TCP/TLS connect timeout (REST and WebSocket)
 * @param requestTimeout     time to the response headers of one REST request; past it the outcome is unknown
 * @param maxQueueWait       the longest a request waits for a rate-limit window or a ban to end before it is refused unsent
 * @param maxResponseBytes   a larger answer (or WebSocket frame) is refused unread
 * @param keepAliveInterval  how often the listen key is kept alive (Binance expires it after 60 minutes)
 * @param backoffMin         first reconnect delay of the user stream
 * @param backoffMax         cap of the exponential reconnect delay
 * @param backoffSeed        seed of the reconnect jitter (fixed in tests, random by default)
 * @param breakerThreshold   consecutive failures (5xx, timeouts, connection errors) that open the circuit breaker
 * @param breakerCoolDown    how long the breaker stays open before one trial request is let through
 * @param fillLookback       with no trade cursor restored, how far back the first fill repair looks (at most 24 h, Binance's myTrades window)
 * @param apiKeyEnv          the environment variable holding the API key
 * @param apiSecretEnv       the environment variable holding the API secret
 */
public record BinanceSettings(URI restBaseUrl, URI wsBaseUrl, Duration recvWindow, Duration connectTimeout, Duration requestTimeout,
                              Duration maxQueueWait, int maxResponseBytes, Duration keepAliveInterval, Duration backoffMin,
                              Duration backoffMax, long backoffSeed, int breakerThreshold, Duration breakerCoolDown,
                              Duration fillLookback, String apiKeyEnv, String apiSecretEnv) {
    public static final String PREFIX = "binance.";
    public static final URI LIVE_REST = URI.create("https://api.binance.com");
    public static final URI LIVE_WS = URI.create("wss://stream.binance.com:9443");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public BinanceSettings {
        baseUrl("rest-base-url", restBaseUrl, "http", "https");
        baseUrl("ws-base-url", wsBaseUrl, "ws", "wss");
        within("recv-window", recvWindow, Duration.ofMillis(1), Duration.ofSeconds(60));
        within("connect-timeout", connectTimeout, Duration.ofMillis(1), Duration.ofMinutes(5));
        within("request-timeout", requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(5));
        within("max-queue-wait", maxQueueWait, Duration.ZERO, Duration.ofHours(1));
        if (maxResponseBytes < 1024 || maxResponseBytes > 64 << 20) {
            throw bad("max-response-bytes", "must be within 1 KiB .. 64 MiB but was " + maxResponseBytes);
        }
        within("keep-alive-interval", keepAliveInterval, Duration.ofMillis(10), Duration.ofMinutes(59));
        within("backoff-min", backoffMin, Duration.ofMillis(10), Duration.ofMinutes(10));
        within("backoff-max", backoffMax, backoffMin, Duration.ofHours(1));
        if (breakerThreshold < 1 || breakerThreshold > 1000) {
            throw bad("breaker-threshold", "must be within 1..1000 but was " + breakerThreshold);
        }
        within("breaker-cool-down", breakerCoolDown, Duration.ofMillis(1), Duration.ofHours(1));
        within("fill-lookback", fillLookback, Duration.ZERO, Duration.ofHours(24));
        envName("api-key-env", apiKeyEnv);
        envName("api-secret-env", apiSecretEnv);
        if (apiKeyEnv.equals(apiSecretEnv)) {
            throw bad("api-secret-env", "must differ from " + PREFIX + "api-key-env (both are " + apiKeyEnv + ")");
        }
    }

    /** The live exchange with the defaults below. */
    public static BinanceSettings live() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code binance} section of the configuration (keys as in the record's documentation,
     * kebab-case); a missing key keeps its default.
     */
    public static BinanceSettings fromConfig(Config section) {
        Builder b = builder();
        b.restBaseUrl = read(section, "rest-base-url", b.restBaseUrl, (c, k) -> uri(k, c.getString(k)));
        b.wsBaseUrl = read(section, "ws-base-url", b.wsBaseUrl, (c, k) -> uri(k, c.getString(k)));
        b.recvWindow = read(section, "recv-window", b.recvWindow, Config::getDuration);
        b.connectTimeout = read(section, "connect-timeout", b.connectTimeout, Config::getDuration);
        b.requestTimeout = read(section, "request-timeout", b.requestTimeout, Config::getDuration);
        b.maxQueueWait = read(section, "max-queue-wait", b.maxQueueWait, Config::getDuration);
        b.maxResponseBytes = read(section, "max-response-bytes", b.maxResponseBytes, (c, k) -> c.getBytes(k).intValue());
        b.keepAliveInterval = read(section, "keep-alive-interval", b.keepAliveInterval, Config::getDuration);
        b.backoffMin = read(section, "backoff-min", b.backoffMin, Config::getDuration);
        b.backoffMax = read(section, "backoff-max", b.backoffMax, Config::getDuration);
        b.backoffSeed = read(section, "backoff-seed", b.backoffSeed, Config::getLong);
        b.breakerThreshold = read(section, "breaker-threshold", b.breakerThreshold, Config::getInt);
        b.breakerCoolDown = read(section, "breaker-cool-down", b.breakerCoolDown, Config::getDuration);
        b.fillLookback = read(section, "fill-lookback", b.fillLookback, Config::getDuration);
        b.apiKeyEnv = read(section, "api-key-env", b.apiKeyEnv, Config::getString);
        b.apiSecretEnv = read(section, "api-secret-env", b.apiSecretEnv, Config::getString);
        return b.build();
    }

    /** The value at {@code key} read by {@code reader}, or {@code fallback} when absent; the key is named once. */
    private static <T> T read(Config c, String key, T fallback, BiFunction<Config, String, T> reader) {
        if (!c.hasPath(key)) {
            return fallback;
        }
        try {
            return reader.apply(c, key);
        } catch (ConfigException e) {
            throw bad(key, "cannot be read: " + e.getMessage());
        }
    }

    private static URI uri(String key, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw bad(key, "is not a URL: " + e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String key, String what) {
        return new IllegalArgumentException(PREFIX + key + " " + what);
    }

    private static void baseUrl(String key, URI url, String... schemes) {
        if (url == null) {
            throw bad(key, "is missing");
        }
        String scheme = url.getScheme();
        boolean known = false;
        for (String s : schemes) {
            known |= s.equalsIgnoreCase(scheme);
        }
        if (!known || url.getHost() == null) {
            throw bad(key, "must be a " + String.join(" or ", schemes) + " URL with a host but was '" + url + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/"))) {
            throw bad(key, "must be scheme://host[:port] without a path, query or fragment but was '" + url + "'");
        }
    }

    private static void within(String key, Duration d, Duration min, Duration max) {
        if (d == null) {
            throw bad(key, "is missing");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw bad(key, "must be within " + min + " .. " + max + " but was " + d);
        }
    }

    private static void envName(String key, String name) {
        if (name == null || !ENV_NAME.matcher(name).matches()) {
            throw bad(key, "must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*) but was '" + name + "'");
        }
    }

    /** The REST base without a trailing slash, ready to take a path. */
    String restBase() {
        return stripSlash(restBaseUrl.toString());
    }

    String wsBase() {
        return stripSlash(wsBaseUrl.toString());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Defaults for the live exchange; each setter overrides one value, {@link #build()} validates them all. */
    public static final class Builder {
        private URI restBaseUrl = LIVE_REST;
        private URI wsBaseUrl = LIVE_WS;
        private Duration recvWindow = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration maxQueueWait = Duration.ofSeconds(30);
        private int maxResponseBytes = 1 << 20;
        private Duration keepAliveInterval = Duration.ofMinutes(30);
        private Duration backoffMin = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofSeconds(30);
        private long backoffSeed = ThreadLocalRandom.current().nextLong();
        private int breakerThreshold = 5;
        private Duration breakerCoolDown = Duration.ofSeconds(30);
        private Duration fillLookback = Duration.ofHours(1);
        private String apiKeyEnv = "BINANCE_API_KEY";
        private String apiSecretEnv = "BINANCE_API_SECRET";

        private Builder() {
        }

        public Builder restBaseUrl(URI v) {
            restBaseUrl = Objects.requireNonNull(v, PREFIX + "rest-base-url");
            return this;
        }

        public Builder wsBaseUrl(URI v) {
            wsBaseUrl = Objects.requireNonNull(v, PREFIX + "ws-base-url");
            return this;
        }

        public Builder recvWindow(Duration v) {
            recvWindow = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        public Builder maxQueueWait(Duration v) {
            maxQueueWait = v;
            return this;
        }

        public Builder maxResponseBytes(int v) {
            maxResponseBytes = v;
            return this;
        }

        public Builder keepAliveInterval(Duration v) {
            keepAliveInterval = v;
            return this;
        }

        public Builder backoff(Duration min, Duration max) {
            backoffMin = min;
            backoffMax = max;
            return this;
        }

        public Builder backoffSeed(long v) {
            backoffSeed = v;
            return this;
        }

        public Builder breaker(int threshold, Duration coolDown) {
            breakerThreshold = threshold;
            breakerCoolDown = coolDown;
            return this;
        }

        public Builder fillLookback(Duration v) {
            fillLookback = v;
            return this;
        }

        public Builder credentialEnv(String keyVariable, String secretVariable) {
            apiKeyEnv = keyVariable;
            apiSecretEnv = secretVariable;
            return this;
        }

        public BinanceSettings build() {
            return new BinanceSettings(restBaseUrl, wsBaseUrl, recvWindow, connectTimeout, requestTimeout, maxQueueWait, maxResponseBytes,
                    keepAliveInterval, backoffMin, backoffMax, backoffSeed, breakerThreshold, breakerCoolDown, fillLookback, apiKeyEnv,
                    apiSecretEnv);
        }
    }
}
