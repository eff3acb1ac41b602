package dev.trader.api;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.RiskStatus;
import dev.trader.risk.rules.PreTradeRisk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/risk}: what the risk rules would hold an entry to now. Under the prop-firm model
 * the same {@link PreTradeRisk} the account decides with computes the effective limits and the news
 * blackouts from the account's state; under the flat model the limits are the configured ones.
 */
public final class RiskService {
    private final Engine engine;
    private final StatusService status;
    private final PreTradeRisk rules;

    public RiskService(Engine engine, StatusService status) {
        this.engine = engine;
        this.status = status;
        this.rules = engine.settings().risk().propFirmModel()
                ? new PreTradeRisk(engine.settings().risk().propFirm(), engine.settings().instruments().values()) : null;
    }

    public CompletionStage<RiskReport> report() {
        return status.riskStatus().thenCombine(status.account(), this::report);
    }

    private RiskReport report(RiskStatus risk, AccountState account) {
        Instant asOf = risk.asOf() == null ? Instant.EPOCH : risk.asOf();
        if (rules == null || account.risk().book() == null) {
            Map<String, String> limits = new LinkedHashMap<>();
            limits.put("entry_notional", engine.settings().riskLimits().entryNotional().toBigDecimal().toPlainString());
            limits.put("max_notional_per_instrument", engine.settings().riskLimits().maxNotionalPerInstrument().toBigDecimal().toPlainString());
            limits.put("fee_rate", engine.settings().riskLimits().feeRate().toPlainString());
            return new RiskReport(risk.model(), risk.asOf() == null ? null : asOf.toString(), RiskViews.of(risk), limits, List.of());
        }
        Map<String, String> constraints = rules.effectiveConstraints(account.risk().book().risk(), asOf);
        List<RiskReport.Blackout> blackouts = new ArrayList<>();
        var calendar = engine.newsCalendar().calendar();
        // By instrument id, as /api/instruments lists them: the settings' map has no order of its own.
        List<InstrumentRules> instruments = engine.settings().instruments().values().stream()
                .sorted(Comparator.comparing(i -> i.instrument().value())).toList();
        for (InstrumentRules r : instruments) {
            rules.blackout(r, calendar, asOf).ifPresent(e -> blackouts.add(new RiskReport.Blackout(r.instrument().value(), e.title(), e.currency(),
                    e.impact().name(), e.time().toString(), e.time().plus(engine.settings().risk().propFirm().news().after()).toString())));
        }
        return new RiskReport(risk.model(), risk.asOf() == null ? null : asOf.toString(), RiskViews.of(risk), constraints, blackouts);
    }
}
