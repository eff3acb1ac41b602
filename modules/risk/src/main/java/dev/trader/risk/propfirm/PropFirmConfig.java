package dev.trader.risk.propfirm;

import static dev.trader.risk.config.Check.PREFIX;

import dev.trader.risk.config.Check;
import dev.trader.risk.config.ConfigReader;
import dev.trader.risk.config.RiskConfigException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * FTMO-style account limits, as the firm publishes them: a daily loss floor at the balance of
 * the previous midnight (Europe/Prague) minus {@code dailyLoss × initial capital}, measured on
 * equity (closed + floating P&L, fees included); an overall floor at {@code initial × (1 −
 * maxLoss)} (2-step) or trailing the highest end-of-day balance (1-step); a profit target and
 * a minimum number of trading days.
 *
 * <p>{@code floorBuffer} (a fraction of initial capital) makes "reaching" a floor happen that
 * much above it. {@code gapReserve} (a fraction of the stop price) is the slippage beyond a
 * stop that the at-stop check assumes: a stop that gaps further than this can breach a floor
 * (see {@code PreTradeRisk}).
 */
public record PropFirmConfig(boolean enabled, BigDecimal dailyLoss, BigDecimal maxLoss, OverallFloorMode overallMode,
                             boolean trailingStopsAtInitial, BigDecimal profitTarget, int minTradingDays,
                             BigDecimal floorBuffer, BigDecimal gapReserve, FloorAction onFloor, ZoneId dayZone) {
    public static final String KEY = PREFIX + "prop-firm.";
    public static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    public PropFirmConfig {
        Check.aboveUpTo(KEY + "daily-loss", dailyLoss, "0", "0.2");
        Check.aboveUpTo(KEY + "max-loss", maxLoss, "0", "0.5");
        Check.require(dailyLoss.compareTo(maxLoss) <= 0, KEY + "daily-loss",
                "must not exceed " + KEY + "max-loss (" + maxLoss.toPlainString() + ") but was " + dailyLoss.toPlainString());
        Check.present(KEY + "max-loss-mode", overallMode);
        Check.within(KEY + "profit-target", profitTarget, "0", "1");
        Check.within(KEY + "min-trading-days", minTradingDays, 0, 365);
        Check.within(KEY + "floor-buffer", floorBuffer, "0", "0.05");
        Check.within(KEY + "gap-reserve", gapReserve, "0", "0.5");
        Check.present(KEY + "on-floor", onFloor);
        Check.present(KEY + "day-zone", dayZone);
    }

    /** FTMO 2-step: 5% daily, 10% overall static, 10% target, 4 trading days, halt and flatten. */
    public static PropFirmConfig ftmo() {
        return new PropFirmConfig(true, new BigDecimal("0.05"), new BigDecimal("0.10"), OverallFloorMode.STATIC, false,
                new BigDecimal("0.10"), 4, BigDecimal.ZERO, BigDecimal.ZERO, FloorAction.HALT_AND_FLATTEN, PRAGUE);
    }

    public PropFirmConfig withDailyLoss(BigDecimal v) {
        return new PropFirmConfig(enabled, v, maxLoss, overallMode, trailingStopsAtInitial, profitTarget, minTradingDays, floorBuffer, gapReserve, onFloor, dayZone);
    }

    public PropFirmConfig withMaxLoss(BigDecimal v, OverallFloorMode mode) {
        return new PropFirmConfig(enabled, dailyLoss, v, mode, trailingStopsAtInitial, profitTarget, minTradingDays, floorBuffer, gapReserve, onFloor, dayZone);
    }

    public PropFirmConfig withGapReserve(BigDecimal v) {
        return new PropFirmConfig(enabled, dailyLoss, maxLoss, overallMode, trailingStopsAtInitial, profitTarget, minTradingDays, floorBuffer, v, onFloor, dayZone);
    }

    public PropFirmConfig withFloorBuffer(BigDecimal v) {
        return new PropFirmConfig(enabled, dailyLoss, maxLoss, overallMode, trailingStopsAtInitial, profitTarget, minTradingDays, v, gapReserve, onFloor, dayZone);
    }

    public PropFirmConfig withOnFloor(FloorAction v) {
        return new PropFirmConfig(enabled, dailyLoss, maxLoss, overallMode, trailingStopsAtInitial, profitTarget, minTradingDays, floorBuffer, gapReserve, v, dayZone);
    }

    public PropFirmConfig disabled() {
        return new PropFirmConfig(false, dailyLoss, maxLoss, overallMode, trailingStopsAtInitial, profitTarget, minTradingDays, floorBuffer, gapReserve, onFloor, dayZone);
    }

    public static PropFirmConfig read(ConfigReader r) {
        PropFirmConfig d = ftmo();
        String mode = r.string(KEY + "max-loss-mode", "static");
        OverallFloorMode overall = switch (mode.toLowerCase(Locale.ROOT)) {
            case "static" -> OverallFloorMode.STATIC;
            case "trailing-eod" -> OverallFloorMode.TRAILING_EOD;
            default -> throw new RiskConfigException(KEY + "max-loss-mode", "must be static or trailing-eod but was '" + mode + "'");
        };
        String action = r.string(KEY + "on-floor", "halt-and-flatten");
        FloorAction onFloor = switch (action.toLowerCase(Locale.ROOT)) {
            case "halt" -> FloorAction.HALT;
            case "halt-and-flatten" -> FloorAction.HALT_AND_FLATTEN;
            default -> throw new RiskConfigException(KEY + "on-floor", "must be halt or halt-and-flatten but was '" + action + "'");
        };
        String zone = r.string(KEY + "day-zone", d.dayZone().getId());
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new RiskConfigException(KEY + "day-zone", "must be a time zone id such as Europe/Prague but was '" + zone + "'");
        }
        return new PropFirmConfig(r.bool(KEY + "enabled", d.enabled()), r.decimal(KEY + "daily-loss", "0.05"), r.decimal(KEY + "max-loss", "0.10"),
                overall, r.bool(KEY + "trailing-stops-at-initial", false), r.decimal(KEY + "profit-target", "0.10"),
                r.integer(KEY + "min-trading-days", d.minTradingDays()), r.decimal(KEY + "floor-buffer", "0"),
                r.decimal(KEY + "gap-reserve", "0"), onFloor, Objects.requireNonNull(zoneId));
    }
}
