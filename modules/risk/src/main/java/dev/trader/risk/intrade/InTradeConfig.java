package dev.trader.risk.intrade;

import static dev.trader.risk.config.Check.PREFIX;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Price;
import dev.trader.risk.config.ConfigReader;
import dev.trader.risk.config.RiskConfigException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code trader.risk.in-trade}: how the Position entity manages every open trade that has a
 * protective stop. {@link #planFor} builds the {@link InTradePlan} of an instrument; the engine
 * builds the plan of every configured instrument at boot, so a plan that cannot work (a ladder
 * over 100%, a target inside the ladder) stops the boot naming the key.
 *
 * @param enabled              off: positions keep only the account's view of their stop (nothing rests at the venue)
 * @param breakEvenR           the break-even trigger in R; null for none
 * @param breakEvenOffsetTicks the break-even stop sits this many ticks beyond the entry (to cover fees)
 * @param trailing             the trailing mode
 * @param ladder               scale-out rungs
 * @param targetR              the final target in R; null for none
 * @param maxBars              the time stop in bars of the base timeframe; 0 for none
 * @param exitOnOppositeSignal exit at market when the position's strategy signals the other direction
 */
public record InTradeConfig(boolean enabled, BigDecimal breakEvenR, int breakEvenOffsetTicks, Trailing trailing, List<ScaleOutRung> ladder,
                            BigDecimal targetR, int maxBars, boolean exitOnOppositeSignal) {
    static final String KEY = PREFIX + "in-trade.";

    public InTradeConfig {
        ladder = List.copyOf(ladder);
        if (breakEvenOffsetTicks < 0) {
            throw new RiskConfigException(KEY + "break-even-offset-ticks", "must not be negative but was " + breakEvenOffsetTicks);
        }
        if (maxBars < 0) {
            throw new RiskConfigException(KEY + "max-bars", "must be 0 (no time stop) or positive but was " + maxBars);
        }
    }

    /** Off: no trade is managed. */
    public static InTradeConfig off() {
        return new InTradeConfig(false, null, 0, Trailing.none(), List.of(), null, 0, false);
    }

    /** The plan for trades in the instrument of {@code rules}. */
    public InTradePlan planFor(InstrumentRules rules) {
        InTradePlan plan = InTradePlan.defaults(rules).withTrailing(trailing).withLadder(ladder).withTargetR(targetR)
                .withMaxBarsInTrade(maxBars).withExitOnOppositeSignal(exitOnOppositeSignal);
        if (breakEvenR == null) {
            return plan.withoutBreakEven();
        }
        Price offset = Price.of(rules.tickSize().toBigDecimal().multiply(BigDecimal.valueOf(breakEvenOffsetTicks)));
        return plan.withBreakEven(breakEvenR, offset);
    }

    /** Checks that every instrument's plan can be built; the message names the key. */
    public void validateFor(List<InstrumentRules> instruments) {
        if (!enabled) {
            return;
        }
        for (InstrumentRules rules : instruments) {
            try {
                planFor(rules);
            } catch (IllegalArgumentException e) {
                throw new RiskConfigException(KEY.substring(0, KEY.length() - 1), e.getMessage());
            }
        }
    }

    public static InTradeConfig read(ConfigReader r) {
        boolean enabled = r.bool(KEY + "enabled", false);
        BigDecimal breakEven = optionalPositive(r, "break-even-r", "1");
        int offset = r.integer(KEY + "break-even-offset-ticks", 0);
        String mode = r.string(KEY + "trailing", "none").toLowerCase(Locale.ROOT);
        BigDecimal multiple = r.decimal(KEY + "trailing-atr-multiple", "3");
        int lookback = r.integer(KEY + "trailing-swing-lookback", 3);
        Trailing trailing;
        try {
            trailing = switch (mode) {
                case "none" -> Trailing.none();
                case "atr" -> Trailing.atr(multiple);
                case "swing" -> Trailing.swing(lookback);
                default -> throw new RiskConfigException(KEY + "trailing", "must be none, atr or swing but was '" + mode + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new RiskConfigException(KEY + (mode.equals("atr") ? "trailing-atr-multiple" : "trailing-swing-lookback"), e.getMessage());
        }
        List<ScaleOutRung> ladder = ladder(r.string(KEY + "scale-out", ""));
        BigDecimal target = optionalPositive(r, "target-r", "off");
        return new InTradeConfig(enabled, breakEven, offset, trailing, ladder, target, r.integer(KEY + "max-bars", 0),
                r.bool(KEY + "exit-on-opposite-signal", false));
    }

    /** "1:0.5, 2:0.25": R:fraction pairs; empty for none. */
    private static List<ScaleOutRung> ladder(String text) {
        List<ScaleOutRung> out = new ArrayList<>();
        if (text.isBlank() || text.trim().equalsIgnoreCase("off")) {
            return out;
        }
        for (String part : text.split(",")) {
            String[] rf = part.trim().split(":");
            try {
                if (rf.length != 2) {
                    throw new IllegalArgumentException("a rung is R:fraction");
                }
                out.add(ScaleOutRung.of(rf[0].trim(), rf[1].trim()));
            } catch (IllegalArgumentException e) {
                throw new RiskConfigException(KEY + "scale-out", "must be R:fraction pairs such as \"1:0.5, 2:0.25\" but has '" + part.trim()
                        + "' (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static BigDecimal optionalPositive(ConfigReader r, String name, String fallback) {
        String text = r.string(KEY + name, fallback).trim();
        if (text.equalsIgnoreCase("off") || text.isEmpty()) {
            return null;
        }
        BigDecimal v = r.decimal(KEY + name, fallback);
        if (v.signum() <= 0) {
            throw new RiskConfigException(KEY + name, "must be a positive number of R or \"off\" but was " + text);
        }
        return v;
    }
}
