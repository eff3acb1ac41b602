package dev.trader.risk.sizing;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stops, targets and risk-based quantities, exact: prices on the tick grid, quantities on the
 * lot grid, always rounded to the safe side (a stop away from the entry, a target toward it,
 * a quantity down).
 */
public final class PositionSizer {
    private static final int DIVISION_SCALE = 20;

    private final SizingConfig config;

    public PositionSizer(SizingConfig config) {
        this.config = config;
    }

    public SizingConfig config() {
        return config;
    }

    /** The risk fraction for a regime and session (names, case-insensitive; null for unknown). */
    public BigDecimal riskFraction(String regime, String session) {
        BigDecimal base = regime == null ? config.riskFraction()
                : config.riskFractionByRegime().getOrDefault(regime.toUpperCase(Locale.ROOT), config.riskFraction());
        BigDecimal session1 = session == null ? BigDecimal.ONE : config.sessionMultiplier().getOrDefault(session.toUpperCase(Locale.ROOT), BigDecimal.ONE);
        return base.multiply(session1);
    }

    /** The stop for an entry at {@code entry}; {@code atr}, {@code swingLow} and {@code swingHigh} may be null. */
    public StopPlan stop(OrderSide side, Price entry, Price atr, Price swingLow, Price swingHigh, InstrumentRules rules) {
        boolean longSide = side == OrderSide.BUY;
        Price swing = longSide ? swingLow : swingHigh;
        StopMethod method = config.stopMethod();
        if (method == StopMethod.STRUCTURE || method == StopMethod.STRUCTURE_ELSE_ATR) {
            StopPlan s = structure(longSide, entry, atr, swing, rules);
            if (s.valid() || method == StopMethod.STRUCTURE) {
                return s;
            }
        }
        if (atr == null || !atr.isPositive()) {
            return StopPlan.invalid("atr", "no positive ATR to place the stop" + (method == StopMethod.ATR ? "" : " and no usable swing"));
        }
        BigDecimal distance = atr.toBigDecimal().multiply(config.atrMultiple());
        BigDecimal raw = longSide ? entry.toBigDecimal().subtract(distance) : entry.toBigDecimal().add(distance);
        return checked(longSide, entry, onGrid(raw, rules, longSide ? RoundingMode.FLOOR : RoundingMode.CEILING), "atr", rules);
    }

    private StopPlan structure(boolean longSide, Price entry, Price atr, Price swing, InstrumentRules rules) {
        if (swing == null) {
            return StopPlan.invalid("structure", "no " + (longSide ? "swing low" : "swing high") + " given");
        }
        BigDecimal buffer = atr == null ? BigDecimal.ZERO : atr.toBigDecimal().multiply(config.structureBufferAtr());
        BigDecimal raw = longSide ? swing.toBigDecimal().subtract(buffer) : swing.toBigDecimal().add(buffer);
        return checked(longSide, entry, onGrid(raw, rules, longSide ? RoundingMode.FLOOR : RoundingMode.CEILING), "structure", rules);
    }

    private StopPlan checked(boolean longSide, Price entry, BigDecimal stop, String method, InstrumentRules rules) {
        if (stop.signum() <= 0) {
            return StopPlan.invalid(method, "the stop " + stop.toPlainString() + " is not a positive price");
        }
        BigDecimal distance = longSide ? entry.toBigDecimal().subtract(stop) : stop.subtract(entry.toBigDecimal());
        BigDecimal min = rules.tickSize().toBigDecimal().multiply(BigDecimal.valueOf(config.minStopTicks()));
        if (distance.compareTo(min) < 0) {
            return StopPlan.invalid(method, "the stop " + stop.toPlainString() + " is " + distance.toPlainString() + " from the entry "
                    + entry + (distance.signum() <= 0 ? ", on the wrong side" : ", closer than " + config.minStopTicks() + " tick(s)"));
        }
        return StopPlan.ok(Price.of(stop), method);
    }

    /** Targets at each configured R multiple of the stop distance, on the tick grid toward the entry; empty if one collapses onto it. */
    public List<Price> targets(OrderSide side, Price entry, Price stop, InstrumentRules rules) {
        boolean longSide = side == OrderSide.BUY;
        BigDecimal distance = entry.toBigDecimal().subtract(stop.toBigDecimal()).abs();
        List<Price> out = new ArrayList<>();
        for (BigDecimal r : config.takeProfitR()) {
            BigDecimal raw = longSide ? entry.toBigDecimal().add(distance.multiply(r)) : entry.toBigDecimal().subtract(distance.multiply(r));
            BigDecimal t = onGrid(raw, rules, longSide ? RoundingMode.FLOOR : RoundingMode.CEILING);
            boolean beyond = longSide ? t.compareTo(entry.toBigDecimal()) > 0 : t.compareTo(entry.toBigDecimal()) < 0 && t.signum() > 0;
            if (!beyond) {
                return List.of();
            }
            out.add(Price.of(t));
        }
        return out;
    }

    /** floor(amount / perUnit) to the lot; zero if nothing fits. */
    public static Quantity lotsFor(BigDecimal amount, BigDecimal perUnit, InstrumentRules rules) {
        if (amount.signum() <= 0 || perUnit.signum() <= 0) {
            return Quantity.ZERO;
        }
        BigDecimal lot = rules.lotSize().toBigDecimal();
        BigDecimal lots = amount.divide(perUnit.multiply(lot), 0, RoundingMode.DOWN);
        BigDecimal q = lots.multiply(lot);
        // A Quantity holds a long at up to 12 decimals: anything beyond ~9.2e6 units at 12 decimals is clamped to what fits.
        BigDecimal limit = BigDecimal.valueOf(Long.MAX_VALUE).movePointLeft(Math.max(rules.lotSize().scale(), 0));
        if (q.compareTo(limit) > 0) {
            q = limit.divide(lot, 0, RoundingMode.DOWN).multiply(lot);
        }
        return Quantity.of(q);
    }

    static BigDecimal onGrid(BigDecimal value, InstrumentRules rules, RoundingMode mode) {
        BigDecimal tick = rules.tickSize().toBigDecimal();
        return value.divide(tick, 0, mode).multiply(tick);
    }

    /** {@code a / b} at a generous scale, rounded down: for caps (never over-allow). */
    public static BigDecimal divideDown(BigDecimal a, BigDecimal b) {
        return a.divide(b, DIVISION_SCALE, RoundingMode.DOWN);
    }
}
