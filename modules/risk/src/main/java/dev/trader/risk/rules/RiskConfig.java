package dev.trader.risk.rules;

import static dev.trader.risk.config.Check.PREFIX;

import dev.trader.domain.money.Money;
import dev.trader.risk.config.Check;
import dev.trader.risk.config.ConfigReader;
import dev.trader.risk.config.RiskConfigException;
import dev.trader.risk.intrade.InTradeConfig;
import dev.trader.risk.governor.GovernorConfig;
import dev.trader.risk.limits.LimitsConfig;
import dev.trader.risk.news.NewsConfig;
import dev.trader.risk.propfirm.PropFirmConfig;
import dev.trader.risk.sizing.SizingConfig;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every pre-trade setting, validated when built (each part checks its own keys; a bad value
 * fails with a {@link RiskConfigException} naming the full key).
 *
 * <p>{@link #read} takes the {@code trader.risk} subtree flattened to full keys
 * ({@code trader.risk.leverage-cap = 3}, {@code trader.risk.sizing.take-profit-r = "1, 2"}); a key
 * under {@code trader.risk.} that no setting reads fails too, so a typo cannot silently leave a
 * default in force. Durations read as {@code 30m}, {@code 4h} or ISO-8601.
 */
public record RiskConfig(Money initialCapital, BigDecimal feeRate, Map<String, String> parCurrencies, SizingConfig sizing,
                         LimitsConfig limits, PropFirmConfig propFirm, LocksConfig locks, RateLimitConfig rateLimits,
                         GovernorConfig governor, NewsConfig news, InTradeConfig inTrade) {
    public static final String FEE_KEY = PREFIX + "fee-rate";
    public static final String PAR_KEY = PREFIX + "par-currencies";
    /** Keys of the foundation's {@code FlatRiskCheck}, still read by the engine. */
    static final Set<String> LEGACY_KEYS = Set.of(PREFIX + "entry-notional", PREFIX + "max-notional-per-instrument");

    public RiskConfig {
        Objects.requireNonNull(initialCapital, "initialCapital");
        if (initialCapital.isNegative() || initialCapital.raw() == 0) {
            throw new RiskConfigException("trader.account.initial-capital", "must be positive but was " + initialCapital);
        }
        Check.within(FEE_KEY, feeRate, "0", "0.05");
        parCurrencies = Map.copyOf(parCurrencies);
        Check.present(PREFIX + "sizing", sizing);
        Check.present(PREFIX + "limits", limits);
        Check.present(PREFIX + "prop-firm", propFirm);
        Check.present(PREFIX + "drawdown-lock", locks);
        Check.present(PREFIX + "rate-limit", rateLimits);
        Check.present(PREFIX + "governor", governor);
        Check.present(PREFIX + "news", news);
        inTrade = inTrade == null ? InTradeConfig.off() : inTrade;
    }

    /** FTMO-like defaults for {@code initialCapital} with fee rate {@code feeRate}. */
    public static RiskConfig defaults(Money initialCapital, BigDecimal feeRate) {
        return new RiskConfig(initialCapital, feeRate, Map.of(), SizingConfig.defaults(), LimitsConfig.defaults(initialCapital.toBigDecimal()),
                PropFirmConfig.ftmo(), LocksConfig.defaults(), RateLimitConfig.defaults(), GovernorConfig.defaults(), NewsConfig.defaults(), InTradeConfig.off());
    }

    /** Reads and validates the flattened {@code trader.risk} keys for an account of {@code initialCapital}. */
    public static RiskConfig read(Map<String, String> flat, Money initialCapital) {
        ConfigReader r = new ConfigReader(flat);
        BigDecimal fee = r.decimal(FEE_KEY, "0.001");
        Map<String, String> par = new TreeMap<>(r.children(PAR_KEY));
        RiskConfig c = new RiskConfig(initialCapital, fee, par, SizingConfig.read(r), LimitsConfig.read(r, initialCapital.toBigDecimal()),
                PropFirmConfig.read(r), LocksConfig.read(r), RateLimitConfig.read(r), GovernorConfig.read(r), NewsConfig.read(r), InTradeConfig.read(r));
        for (String key : r.unknownKeys()) {
            if (key.startsWith(PREFIX) && !LEGACY_KEYS.contains(key)) {
                throw new RiskConfigException(key, "is not a risk setting");
            }
        }
        return c;
    }

    public RiskConfig withSizing(SizingConfig v) {
        return new RiskConfig(initialCapital, feeRate, parCurrencies, v, limits, propFirm, locks, rateLimits, governor, news, inTrade);
    }

    public RiskConfig withLimits(LimitsConfig v) {
        return new RiskConfig(initialCapital, feeRate, parCurrencies, sizing, v, propFirm, locks, rateLimits, governor, news, inTrade);
    }

    public RiskConfig withPropFirm(PropFirmConfig v) {
        return new RiskConfig(initialCapital, feeRate, parCurrencies, sizing, limits, v, locks, rateLimits, governor, news, inTrade);
    }

    public RiskConfig withLocks(LocksConfig v) {
        return new RiskConfig(initialCapital, feeRate, parCurrencies, sizing, limits, propFirm, v, rateLimits, governor, news, inTrade);
    }

    public RiskConfig withRateLimits(RateLimitConfig v) {
        return new RiskConfig(initialCapital, feeRate, parCurrencies, sizing, limits, propFirm, locks, v, governor, news, inTrade);
    }

    public RiskConfig withGovernor(GovernorConfig v) {
        return new RiskConfig(initialCapital, feeRate, parCurrencies, sizing, limits, propFirm, locks, rateLimits, v, news, inTrade);
    }

    public RiskConfig withInTrade(InTradeConfig v) {
        return new RiskConfig(initialCapital, feeRate, parCurrencies, sizing, limits, propFirm, locks, rateLimits, governor, news, v);
    }

    public RiskConfig withNews(NewsConfig v) {
        return new RiskConfig(initialCapital, feeRate, parCurrencies, sizing, limits, propFirm, locks, rateLimits, governor, v, inTrade);
    }
}
