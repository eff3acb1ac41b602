package dev.trader.risk.sizing;

import static dev.trader.risk.config.Check.PREFIX;

import dev.trader.risk.config.Check;
import dev.trader.risk.config.ConfigReader;
import dev.trader.risk.config.RiskConfigException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How entries are sized: the fraction of equity risked per trade (by regime, else the base),
 * times a multiplier by session (else 1), placed stop, and take-profit targets at R multiples.
 * Regime and session are names (TREND, RANGE, VOLATILE; ASIA, LONDON, NEW_YORK, ...) as the
 * strategy module tags them; risk does not depend on strategy, so they are plain strings here.
 * The product of all multipliers is clamped to {@link #HARD_MAX_RISK_FRACTION}.
 */
public record SizingConfig(BigDecimal riskFraction, Map<String, BigDecimal> riskFractionByRegime, Map<String, BigDecimal> sessionMultiplier,
                           StopMethod stopMethod, BigDecimal atrMultiple, BigDecimal structureBufferAtr, int minStopTicks,
                           List<BigDecimal> takeProfitR) {
    public static final String KEY = PREFIX + "sizing.";
    /** No configuration or multiplier risks more than this fraction of equity on one trade. */
    public static final BigDecimal HARD_MAX_RISK_FRACTION = new BigDecimal("0.05");

    public SizingConfig {
        Check.aboveUpTo(KEY + "risk-fraction", riskFraction, "0", HARD_MAX_RISK_FRACTION.toPlainString());
        Map<String, BigDecimal> regimes = new TreeMap<>();
        riskFractionByRegime.forEach((k, v) -> regimes.put(k.toUpperCase(Locale.ROOT),
                Check.within(KEY + "risk-fraction-by-regime." + k, v, "0", HARD_MAX_RISK_FRACTION.toPlainString())));
        riskFractionByRegime = Map.copyOf(regimes);
        Map<String, BigDecimal> sessions = new TreeMap<>();
        sessionMultiplier.forEach((k, v) -> sessions.put(k.toUpperCase(Locale.ROOT), Check.within(KEY + "session-multiplier." + k, v, "0", "2")));
        sessionMultiplier = Map.copyOf(sessions);
        Check.present(KEY + "stop-method", stopMethod);
        Check.aboveUpTo(KEY + "atr-multiple", atrMultiple, "0", "50");
        Check.within(KEY + "structure-buffer-atr", structureBufferAtr, "0", "10");
        Check.within(KEY + "min-stop-ticks", minStopTicks, 1, 1_000_000);
        takeProfitR = List.copyOf(takeProfitR);
        Check.require(!takeProfitR.isEmpty(), KEY + "take-profit-r", "must list at least one R multiple");
        for (int i = 0; i < takeProfitR.size(); i++) {
            Check.aboveUpTo(KEY + "take-profit-r", takeProfitR.get(i), "0", "50");
            if (i > 0) {
                Check.require(takeProfitR.get(i).compareTo(takeProfitR.get(i - 1)) > 0, KEY + "take-profit-r",
                        "must be strictly ascending but was " + takeProfitR);
            }
        }
    }

    /** 0.5% per trade in every regime and session, stop at 2 ATR (or the last swing minus 0.1 ATR), targets at 1R and 2R. */
    public static SizingConfig defaults() {
        return new SizingConfig(new BigDecimal("0.005"), Map.of(), Map.of(), StopMethod.STRUCTURE_ELSE_ATR, new BigDecimal("2"),
                new BigDecimal("0.1"), 1, List.of(BigDecimal.ONE, new BigDecimal("2")));
    }

    public static SizingConfig read(ConfigReader r) {
        Map<String, BigDecimal> regimes = new TreeMap<>();
        r.children(KEY + "risk-fraction-by-regime").forEach((k, v) -> regimes.put(k, decimal(KEY + "risk-fraction-by-regime." + k, v)));
        Map<String, BigDecimal> sessions = new TreeMap<>();
        r.children(KEY + "session-multiplier").forEach((k, v) -> sessions.put(k, decimal(KEY + "session-multiplier." + k, v)));
        String method = r.string(KEY + "stop-method", "structure-else-atr");
        StopMethod stop = switch (method.toLowerCase(Locale.ROOT)) {
            case "atr" -> StopMethod.ATR;
            case "structure" -> StopMethod.STRUCTURE;
            case "structure-else-atr" -> StopMethod.STRUCTURE_ELSE_ATR;
            default -> throw new RiskConfigException(KEY + "stop-method", "must be atr, structure or structure-else-atr but was '" + method + "'");
        };
        return new SizingConfig(r.decimal(KEY + "risk-fraction", "0.005"), regimes, sessions, stop, r.decimal(KEY + "atr-multiple", "2"),
                r.decimal(KEY + "structure-buffer-atr", "0.1"), r.integer(KEY + "min-stop-ticks", 1), r.decimals(KEY + "take-profit-r", "1, 2"));
    }

    private static BigDecimal decimal(String key, String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new RiskConfigException(key, "must be a decimal number but was '" + v + "'");
        }
    }

    public SizingConfig withRiskFraction(BigDecimal f) {
        return new SizingConfig(f, riskFractionByRegime, sessionMultiplier, stopMethod, atrMultiple, structureBufferAtr, minStopTicks, takeProfitR);
    }

    public SizingConfig withRegimesAndSessions(Map<String, BigDecimal> regimes, Map<String, BigDecimal> sessions) {
        return new SizingConfig(riskFraction, regimes, sessions, stopMethod, atrMultiple, structureBufferAtr, minStopTicks, takeProfitR);
    }

    public SizingConfig withStop(StopMethod method, BigDecimal multiple) {
        return new SizingConfig(riskFraction, riskFractionByRegime, sessionMultiplier, method, multiple, structureBufferAtr, minStopTicks, takeProfitR);
    }
}
