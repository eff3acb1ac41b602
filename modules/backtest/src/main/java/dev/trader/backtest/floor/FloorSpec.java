package dev.trader.backtest.floor;

import dev.trader.domain.money.Money;
import dev.trader.risk.propfirm.OverallFloorMode;
import dev.trader.risk.propfirm.PropFirmConfig;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The prop firm's published limits, as {@link FloorMonitor} checks them (FTMO, see RELIABILITY.md):
 * daily floor = balance at the previous midnight in {@code zone} − {@code dailyLoss × initial};
 * overall floor = {@code initial × (1 − maxLoss)} (2-step) or, {@code trailing}, the highest
 * end-of-day balance − {@code maxLoss × initial} (1-step; capped at the initial capital when
 * {@code trailingStopsAtInitial}). Only the numbers are taken from the risk settings; the
 * arithmetic is the monitor's own, so it checks the risk module rather than repeating it.
 */
public record FloorSpec(Money initial, BigDecimal dailyLoss, BigDecimal maxLoss, boolean trailing, boolean trailingStopsAtInitial, ZoneId zone) {
    public FloorSpec {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(dailyLoss, "dailyLoss");
        Objects.requireNonNull(maxLoss, "maxLoss");
        Objects.requireNonNull(zone, "zone");
        if (initial.raw() <= 0 || dailyLoss.signum() <= 0 || maxLoss.signum() <= 0) {
            throw new IllegalArgumentException("initial capital and loss limits must be positive");
        }
    }

    /** FTMO 2-step: 5% daily, 10% static overall, Europe/Prague days. */
    public static FloorSpec ftmo(Money initial) {
        return new FloorSpec(initial, new BigDecimal("0.05"), new BigDecimal("0.10"), false, false, PropFirmConfig.PRAGUE);
    }

    /** The limits of a risk module's prop-firm settings (their buffer aside: the monitor checks the firm's floors). */
    public static FloorSpec of(PropFirmConfig p, Money initial) {
        return new FloorSpec(initial, p.dailyLoss(), p.maxLoss(), p.overallMode() == OverallFloorMode.TRAILING_EOD, p.trailingStopsAtInitial(),
                p.dayZone());
    }
}
