package dev.trader.risk.limits;

import static dev.trader.risk.config.Check.PREFIX;

import dev.trader.risk.config.Check;
import dev.trader.risk.config.ConfigReader;
import java.math.BigDecimal;

/**
 * Exposure limits, amounts in the account currency at the mark (entries at their reference
 * price):
 * <ul>
 *   <li>{@code maxPositionNotional}: per symbol, and per group of correlated symbols;</li>
 *   <li>{@code maxGrossNotional}: Σ |notional|; {@code maxNetNotional}: |Σ signed notional|;</li>
 *   <li>{@code maxCurrencyExposure}: |net exposure| per currency leg (USD, EUR, BTC, …; see
 *       {@link InstrumentCurrencies});</li>
 *   <li>{@code correlationThreshold}: two symbols whose rolling return correlation is at least
 *       this (in absolute value) count as one exposure, both for {@code maxOpenExposures} and
 *       for {@code maxPositionNotional};</li>
 *   <li>{@code leverageCap}: gross notional ≤ cap × equity; default 3, never above {@link #HARD_MAX_LEVERAGE};</li>
 *   <li>{@code marginLeverage}: the venue's leverage; margin used = notional / it; an entry never
 *       needs more margin (plus fees) than equity minus the margin in use. 1 for spot.</li>
 * </ul>
 */
public record LimitsConfig(BigDecimal maxPositionNotional, BigDecimal maxGrossNotional, BigDecimal maxNetNotional,
                           BigDecimal maxCurrencyExposure, BigDecimal correlationThreshold, int maxOpenExposures,
                           BigDecimal leverageCap, BigDecimal marginLeverage) {
    public static final String KEY = PREFIX + "limits.";
    public static final String LEVERAGE_KEY = PREFIX + "leverage-cap";
    /** No configuration can raise the leverage cap above this; {@code recheck} applies it again. */
    public static final BigDecimal HARD_MAX_LEVERAGE = BigDecimal.TEN;
    public static final BigDecimal DEFAULT_LEVERAGE = new BigDecimal("3");

    public LimitsConfig {
        Check.positive(KEY + "max-position-notional", maxPositionNotional);
        Check.positive(KEY + "max-gross-notional", maxGrossNotional);
        Check.positive(KEY + "max-net-notional", maxNetNotional);
        Check.positive(KEY + "max-currency-exposure", maxCurrencyExposure);
        Check.require(maxPositionNotional.compareTo(maxGrossNotional) <= 0, KEY + "max-position-notional",
                "must not exceed " + KEY + "max-gross-notional (" + maxGrossNotional.toPlainString() + ") but was " + maxPositionNotional.toPlainString());
        Check.require(maxNetNotional.compareTo(maxGrossNotional) <= 0, KEY + "max-net-notional",
                "must not exceed " + KEY + "max-gross-notional (" + maxGrossNotional.toPlainString() + ") but was " + maxNetNotional.toPlainString());
        Check.aboveUpTo(KEY + "correlation-threshold", correlationThreshold, "0", "1");
        Check.within(KEY + "max-open-exposures", maxOpenExposures, 1, 1000);
        Check.within(LEVERAGE_KEY, leverageCap, "1", HARD_MAX_LEVERAGE.toPlainString());
        Check.within(KEY + "margin-leverage", marginLeverage, "1", "1000");
    }

    /** Defaults scaled to the capital: a symbol up to 1×, gross 3×, net and any currency 2×, correlation 0.8, 5 exposures, 3× leverage, spot margin. */
    public static LimitsConfig defaults(BigDecimal capital) {
        return new LimitsConfig(capital, capital.multiply(DEFAULT_LEVERAGE), capital.multiply(BigDecimal.valueOf(2)),
                capital.multiply(BigDecimal.valueOf(2)), new BigDecimal("0.8"), 5, DEFAULT_LEVERAGE, BigDecimal.ONE);
    }

    public static LimitsConfig read(ConfigReader r, BigDecimal capital) {
        LimitsConfig d = defaults(capital);
        return new LimitsConfig(r.decimal(KEY + "max-position-notional", d.maxPositionNotional().toPlainString()),
                r.decimal(KEY + "max-gross-notional", d.maxGrossNotional().toPlainString()),
                r.decimal(KEY + "max-net-notional", d.maxNetNotional().toPlainString()),
                r.decimal(KEY + "max-currency-exposure", d.maxCurrencyExposure().toPlainString()),
                r.decimal(KEY + "correlation-threshold", d.correlationThreshold().toPlainString()),
                r.integer(KEY + "max-open-exposures", d.maxOpenExposures()),
                r.decimal(LEVERAGE_KEY, d.leverageCap().toPlainString()),
                r.decimal(KEY + "margin-leverage", d.marginLeverage().toPlainString()));
    }

    public LimitsConfig withLeverageCap(BigDecimal cap) {
        return new LimitsConfig(maxPositionNotional, maxGrossNotional, maxNetNotional, maxCurrencyExposure, correlationThreshold,
                maxOpenExposures, cap, marginLeverage);
    }
}
