package dev.trader.execution.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import dev.trader.execution.sim.fault.FaultKind;
import dev.trader.execution.sim.fault.FaultPlan;
import dev.trader.execution.sim.fault.FaultSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link SimConfig} from a Typesafe Config block, so the demo can set the simulator up in
 * its application.conf:
 * <pre>
 * simulator {
 *   seed = 42, maker-fee = "0.001", taker-fee = "0.001", latency = 0ms, max-participation = "0.1"
 *   max-recv-window = 60000, listen-key-validity = 60m, market-lock-margin = "0.05"
 *   balances { USDT = "10000" }
 *   api-keys { "my-key" = "my-secret" }
 *   rate-limits { request-weight-per-minute = 6000, orders-per-10s = 100, orders-per-day = 200000,
 *                 ignored-retries-before-ban = 3, first-ban = 2m, max-ban = 3d,
 *                 request-weight-window = 1m, orders-window = 10s }
 *   symbols = [ { symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = "0.01", step-size = "0.00001",
 *                 min-qty = "0.00001", max-qty = "9000", min-notional = "5", max-notional = "0",
 *                 notional-filter = NOTIONAL, candles = ["classpath:/engine/BTC_USDT-1m.json.gz"] } ]
 *   faults { seed = 7, list = [ { kind = DUPLICATE_FILL, probability = 0.2 }, { kind = DELAY_REST, every-nth = 10, duration = 1s } ] }
 * }
 * </pre>
 * Every key but {@code symbols} is optional (Binance's defaults). Decimals are best quoted.
 */
public final class SimConfigs {
    private SimConfigs() {
    }

    public static SimConfig fromConfig(Config c) {
        refuseUnknownKeys(c);
        try {
            SimConfig.Builder b = SimConfig.builder();
            for (Config s : c.getConfigList("symbols")) {
                b.symbol(symbol(s));
            }
            if (c.hasPath("balances")) {
                for (Map.Entry<String, ConfigValue> e : c.getConfig("balances").root().entrySet()) {
                    b.balance(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped()));
                }
            }
            if (c.hasPath("api-keys")) {
                for (Map.Entry<String, ConfigValue> e : c.getConfig("api-keys").root().entrySet()) {
                    b.apiKey(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped()));
                }
            }
            if (c.hasPath("maker-fee") || c.hasPath("taker-fee")) {
                b.fees(c.hasPath("maker-fee") ? c.getString("maker-fee") : "0.001", c.hasPath("taker-fee") ? c.getString("taker-fee") : "0.001");
            }
            if (c.hasPath("latency")) {
                b.latency(c.getDuration("latency"));
            }
            if (c.hasPath("max-participation")) {
                b.maxParticipation(c.getString("max-participation"));
            }
            if (c.hasPath("max-recv-window")) {
                b.maxRecvWindowMs(c.getLong("max-recv-window"));
            }
            if (c.hasPath("listen-key-validity")) {
                b.listenKeyValidity(c.getDuration("listen-key-validity"));
            }
            if (c.hasPath("market-lock-margin")) {
                b.marketLockMargin(c.getString("market-lock-margin"));
            }
            if (c.hasPath("seed")) {
                b.seed(c.getLong("seed"));
            }
            if (c.hasPath("rate-limits")) {
                b.rateLimits(rateLimits(c.getConfig("rate-limits")));
            }
            if (c.hasPath("faults")) {
                b.faults(faults(c.getConfig("faults")));
            }
            return b.build();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("simulator config: " + e.getMessage(), e);
        }
    }

    private static SymbolSpec symbol(Config s) {
        String tick = s.getString("tick-size");
        return new SymbolSpec(s.getString("symbol"), s.getString("base"), s.getString("quote"),
                dec(s, "tick-size", null), dec(s, "min-price", tick), dec(s, "max-price", "1000000"),
                dec(s, "step-size", null), dec(s, "min-qty", null), dec(s, "max-qty", null),
                dec(s, "min-notional", "0"), dec(s, "max-notional", "0"),
                s.hasPath("notional-filter") ? enumOf(SymbolSpec.NotionalFilter.class, s, "notional-filter") : SymbolSpec.NotionalFilter.NOTIONAL,
                s.hasPath("candles") ? s.getStringList("candles") : List.of());
    }

    private static RateLimitSpec rateLimits(Config r) {
        RateLimitSpec d = RateLimitSpec.binance();
        return new RateLimitSpec(
                r.hasPath("request-weight-per-minute") ? r.getInt("request-weight-per-minute") : d.requestWeightPerMinute(),
                r.hasPath("orders-per-10s") ? r.getInt("orders-per-10s") : d.ordersPer10Seconds(),
                r.hasPath("orders-per-day") ? r.getInt("orders-per-day") : d.ordersPerDay(),
                r.hasPath("ignored-retries-before-ban") ? r.getInt("ignored-retries-before-ban") : d.ignoredRetriesBeforeBan(),
                r.hasPath("first-ban") ? r.getDuration("first-ban") : d.firstBan(),
                r.hasPath("max-ban") ? r.getDuration("max-ban") : d.maxBan(),
                r.hasPath("request-weight-window") ? r.getDuration("request-weight-window") : d.requestWeightWindow(),
                r.hasPath("orders-window") ? r.getDuration("orders-window") : d.ordersWindow());
    }

    private static FaultPlan faults(Config f) {
        List<FaultSpec> specs = new ArrayList<>();
        if (f.hasPath("list")) {
            for (Config one : f.getConfigList("list")) {
                FaultKind kind = enumOf(FaultKind.class, one, "kind");
                FaultSpec spec = one.hasPath("every-nth") ? FaultSpec.everyNth(kind, one.getInt("every-nth"))
                        : FaultSpec.withProbability(kind, one.getDouble("probability"));
                if (one.hasPath("seed")) {
                    spec = spec.seed(one.getLong("seed"));
                }
                if (one.hasPath("count")) {
                    spec = spec.count(one.getInt("count"));
                }
                if (one.hasPath("duration")) {
                    spec = spec.duration(one.getDuration("duration"));
                }
                specs.add(spec);
            }
        }
        return new FaultPlan(f.hasPath("seed") ? f.getLong("seed") : 0, specs);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Config c, String path) {
        String text = c.getString(path);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("simulator config: " + path + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + " but was '" + text + "'", e);
        }
    }

    /** A decimal at {@code path}; {@code fallback} null makes it mandatory. */
    private static BigDecimal dec(Config c, String path, String fallback) {
        String text = c.hasPath(path) || fallback == null ? c.getString(path) : fallback;
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("simulator config: " + path + " is not a decimal number: '" + text + "'", e);
        }
    }

    private static String unquote(String key) {
        return key.length() > 1 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }

    private static final List<String> KNOWN_KEYS = List.of("symbols", "balances", "api-keys", "maker-fee", "taker-fee", "latency",
            "max-participation", "max-recv-window", "listen-key-validity", "market-lock-margin", "seed", "rate-limits", "faults");

    /** An unknown key is a typo more often than not: refused rather than silently ignored. */
    private static void refuseUnknownKeys(Config c) {
        for (String k : c.root().keySet()) {
            if (!KNOWN_KEYS.contains(k)) {
                throw new IllegalArgumentException("simulator config: unknown key '" + k + "' (known: " + String.join(", ", KNOWN_KEYS) + ")");
            }
        }
    }
}
