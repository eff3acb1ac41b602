package dev.trader.execution.sim.config;

import dev.trader.execution.sim.fault.FaultPlan;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one simulator run is made of. Validated on construction; a bad value fails with a
 * message naming the field.
 *
 * @param symbols          the tradable symbols and their filters
 * @param initialBalances  free balance per asset at the start (assets not named start at 0)
 * @param makerFeeRate     commission rate of maker fills, charged in the symbol's QUOTE asset
 *                         (a simplification: Binance charges the asset received)
 * @param takerFeeRate     commission rate of taker fills, likewise in the quote asset
 * @param latency          market time between accepting an order and the first bar it may trade in
 * @param maxParticipation fraction (0..1] of a bar's volume one order may take in that bar; the
 *                         rest stays open, which is how partial fills happen
 * @param apiKeys          API key → HMAC-SHA256 secret; all keys act on the one simulated account
 * @param rateLimits       request-weight and order-count limits and the ban rule
 * @param maxRecvWindowMs  the largest recvWindow accepted (Binance: 60000)
 * @param listenKeyValidity how long a listen key lives without a keep-alive (Binance: 60 min)
 * @param marketLockMargin for BUY orders without a price (MARKET by quantity, STOP_LOSS) the quote
 *                         locked is quantity × reference price × (1 + this margin), the reference
 *                         being the last close (or the stop price if higher)
 * @param faults           the fault plan of the run
 * @param seed             seeds generated client order ids and listen keys
 */
public record SimConfig(List<SymbolSpec> symbols, Map<String, BigDecimal> initialBalances,
                        BigDecimal makerFeeRate, BigDecimal takerFeeRate, Duration latency,
                        BigDecimal maxParticipation, Map<String, String> apiKeys, RateLimitSpec rateLimits,
                        long maxRecvWindowMs, Duration listenKeyValidity, BigDecimal marketLockMargin,
                        FaultPlan faults, long seed) {

    public SimConfig {
        Objects.requireNonNull(symbols, "symbols");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols must name at least one symbol");
        }
        Map<String, SymbolSpec> bySymbol = new LinkedHashMap<>();
        for (SymbolSpec s : symbols) {
            if (bySymbol.put(s.symbol(), s) != null) {
                throw new IllegalArgumentException("symbols: " + s.symbol() + " is configured twice");
            }
        }
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(initialBalances, "initialBalances");
        Map<String, BigDecimal> balances = new TreeMap<>();
        initialBalances.forEach((asset, amount) -> {
            if (amount == null || amount.signum() < 0) {
                throw new IllegalArgumentException("initialBalances." + asset + " must not be negative but was " + amount);
            }
            if (amount.stripTrailingZeros().scale() > SymbolSpec.PRECISION) {
                throw new IllegalArgumentException("initialBalances." + asset + " " + amount.toPlainString() + " has more than 8 decimals");
            }
            balances.put(asset, amount);
        });
        initialBalances = Collections.unmodifiableMap(balances);
        rate("makerFeeRate", makerFeeRate);
        rate("takerFeeRate", takerFeeRate);
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative but was " + latency);
        }
        if (maxParticipation == null || maxParticipation.signum() <= 0 || maxParticipation.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("maxParticipation must be within (0, 1] but was " + maxParticipation);
        }
        Objects.requireNonNull(apiKeys, "apiKeys");
        apiKeys.forEach((key, secret) -> {
            if (key == null || key.isBlank() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("apiKeys: an API key and its secret must not be blank");
            }
        });
        apiKeys = Map.copyOf(apiKeys);
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (maxRecvWindowMs <= 0) {
            throw new IllegalArgumentException("maxRecvWindowMs must be positive but was " + maxRecvWindowMs);
        }
        Objects.requireNonNull(listenKeyValidity, "listenKeyValidity");
        if (listenKeyValidity.isNegative() || listenKeyValidity.isZero()) {
            throw new IllegalArgumentException("listenKeyValidity must be positive but was " + listenKeyValidity);
        }
        if (marketLockMargin == null || marketLockMargin.signum() < 0) {
            throw new IllegalArgumentException("marketLockMargin must not be negative but was " + marketLockMargin);
        }
        Objects.requireNonNull(faults, "faults");
    }

    /** This configuration with one more accepted API key pair (from the environment, never from a file). */
    public SimConfig withApiKey(String key, String secret) {
        Map<String, String> keys = new LinkedHashMap<>(apiKeys);
        keys.put(key, secret);
        return new SimConfig(symbols, initialBalances, makerFeeRate, takerFeeRate, latency, maxParticipation, keys, rateLimits,
                maxRecvWindowMs, listenKeyValidity, marketLockMargin, faults, seed);
    }

    /** This configuration trading {@code newSymbols} instead. */
    public SimConfig withSymbols(List<SymbolSpec> newSymbols) {
        return new SimConfig(newSymbols, initialBalances, makerFeeRate, takerFeeRate, latency, maxParticipation, apiKeys, rateLimits,
                maxRecvWindowMs, listenKeyValidity, marketLockMargin, faults, seed);
    }

    /** Without the API keys and secrets: a configuration may be logged, a secret never. */
    @Override
    public String toString() {
        return "SimConfig[symbols=" + symbols.stream().map(SymbolSpec::symbol).toList() + ", initialBalances=" + initialBalances
                + ", makerFeeRate=" + makerFeeRate + ", takerFeeRate=" + takerFeeRate + ", latency=" + latency
                + ", maxParticipation=" + maxParticipation + ", apiKeys=" + apiKeys.size() + " (redacted), rateLimits=" + rateLimits
                + ", faults=" + faults + ", seed=" + seed + "]";
    }

    public Optional<SymbolSpec> symbol(String name) {
        return symbols.stream().filter(s -> s.symbol().equals(name)).findFirst();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void rate(String field, BigDecimal r) {
        if (r == null || r.signum() < 0 || r.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(field + " must be within [0, 1) but was " + r);
        }
    }

    /** Binance's defaults; set what the run needs. */
    public static final class Builder {
        private final List<SymbolSpec> symbols = new ArrayList<>();
        private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
        private final Map<String, String> apiKeys = new LinkedHashMap<>();
        private BigDecimal makerFee = new BigDecimal("0.001");
        private BigDecimal takerFee = new BigDecimal("0.001");
        private Duration latency = Duration.ZERO;
        private BigDecimal maxParticipation = BigDecimal.ONE;
        private RateLimitSpec rateLimits = RateLimitSpec.binance();
        private long maxRecvWindowMs = 60_000;
        private Duration listenKeyValidity = Duration.ofMinutes(60);
        private BigDecimal marketLockMargin = new BigDecimal("0.05");
        private FaultPlan faults = FaultPlan.none();
        private long seed = 1;

        public Builder symbol(SymbolSpec s) {
            symbols.add(s);
            return this;
        }

        public Builder balance(String asset, String amount) {
            balances.put(asset, decimal("initialBalances." + asset, amount));
            return this;
        }

        public Builder apiKey(String key, String secret) {
            apiKeys.put(key, secret);
            return this;
        }

        public Builder fees(String maker, String taker) {
            makerFee = decimal("makerFeeRate", maker);
            takerFee = decimal("takerFeeRate", taker);
            return this;
        }

        public Builder latency(Duration d) {
            latency = d;
            return this;
        }

        public Builder maxParticipation(String fraction) {
            maxParticipation = decimal("maxParticipation", fraction);
            return this;
        }

        public Builder rateLimits(RateLimitSpec r) {
            rateLimits = r;
            return this;
        }

        public Builder maxRecvWindowMs(long ms) {
            maxRecvWindowMs = ms;
            return this;
        }

        public Builder listenKeyValidity(Duration d) {
            listenKeyValidity = d;
            return this;
        }

        public Builder marketLockMargin(String margin) {
            marketLockMargin = decimal("marketLockMargin", margin);
            return this;
        }

        public Builder faults(FaultPlan f) {
            faults = f;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        private static BigDecimal decimal(String field, String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException(field + " is not a decimal number: '" + text + "'", e);
            }
        }

        public SimConfig build() {
            return new SimConfig(symbols, balances, makerFee, takerFee, latency, maxParticipation, apiKeys, rateLimits,
                    maxRecvWindowMs, listenKeyValidity, marketLockMargin, faults, seed);
        }
    }
}
