package dev.trader.api;

import dev.trader.api.StatusView.FloorView;
import dev.trader.api.StatusView.GovernorView;
import dev.trader.api.StatusView.HaltView;
import dev.trader.api.StatusView.KillSwitchView;
import dev.trader.api.StatusView.RejectionView;
import dev.trader.api.StatusView.RiskView;
import dev.trader.domain.money.Money;
import dev.trader.engine.account.RiskStatus;
import java.util.TreeMap;

/** The account's {@link RiskStatus} as the JSON of {@code /api/status}: amounts as exact decimal strings. */
public final class RiskViews {
    private RiskViews() {
    }

    public static RiskView of(RiskStatus r) {
        boolean propFirm = r.equity() != null;
        // Before the account's first event its trading day is the epoch's, a day it never traded: none yet, as asOf.
        String tradingDay = r.asOf() == null ? null : text(r.tradingDay());
        return new RiskView(r.model(), text(r.asOf()), tradingDay, amount(r.equity()), amount(r.balance()), amount(r.dayStartBalance()),
                propFirm ? floor(r.equity(), r.dailyFloor()) : null, propFirm ? floor(r.equity(), r.overallFloor()) : null,
                r.halt() != null, r.halt() == null ? null : new HaltView(r.halt().rule(), r.halt().since().toString(), r.halt().untilNextDay()),
                r.drawdownLocked(), text(r.drawdownLockUntil()),
                r.governorMultiplier() == null ? null
                        : new GovernorView(r.governorMultiplier().toPlainString(), r.governorRule(), text(r.governorCooldownUntil()),
                                r.selfReportedState(), text(r.selfReportedAt())),
                r.flattening(), new KillSwitchView(r.globalKillSwitch(), r.killedStrategies().stream().sorted().toList()),
                new TreeMap<>(r.blockedAttempts()), r.blockedAttemptsTotal(),
                r.lastRejections().stream().map(d -> new RejectionView(text(d.decisionTime()), d.instrument(), d.rule(), d.reason())).toList());
    }

    private static FloorView floor(Money equity, Money floor) {
        Money distance = equity.minus(floor);
        return new FloorView(amount(floor), amount(distance), distance.compareTo(Money.zero(distance.currency())) <= 0);
    }

    private static String amount(Money m) {
        return m == null ? null : m.toBigDecimal().toPlainString();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
