package dev.trader.engine.account;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderType;
import dev.trader.engine.account.AccountEntity.Event;
import dev.trader.engine.account.AccountEntity.IntentApproved;
import dev.trader.engine.account.AccountEntity.IntentRejected;
import dev.trader.engine.position.PositionIds;
import dev.trader.risk.Exposure;
import dev.trader.risk.FlatRiskCheck;
import dev.trader.risk.RiskDecision;
import dev.trader.risk.RiskState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The foundation's model: {@link FlatRiskCheck} decides with the cash and whether the kill
 * switch (global, or the intent's strategy's) is on. Decisions are exactly those it made before
 * the prop-firm model existed; a kill-switch rejection also names the switch that blocked it.
 */
final class FlatDesk {
    private FlatDesk() {
    }

    static List<Event> decide(FlatRiskCheck check, AccountState state, OrderIntent intent, Exposure exposure, InstrumentRules rules,
                              String accountId) {
        String strategy = intent.strategy().value();
        RiskDecision decision = check.decide(new RiskState(state.cash(), state.killSwitchOn(strategy)), exposure, intent, rules);
        if (decision instanceof RiskDecision.Rejected r) {
            Map<String, String> inputs = r.inputs();
            if ("kill_switch".equals(r.rule())) {
                inputs = new LinkedHashMap<>(inputs);
                inputs.put(AccountState.KILL_SWITCH_SCOPE, state.killSwitch() ? "global" : strategy);
                long before = state.risk().blockedAttempts().values().stream().mapToLong(Long::longValue).sum();
                inputs.put("blocked_attempts", Long.toString(before + 1));
            }
            return List.of(new IntentRejected(AccountEntity.rejection(intent, r.rule(), r.reason(), inputs)));
        }
        RiskDecision.Approved approved = (RiskDecision.Approved) decision;
        boolean entry = !intent.reduceOnly();
        InstrumentBook book = state.book(intent.instrument().value());
        int seq = entry ? book.positionSeq() + 1 : book.positionSeq();
        OrderRequest request = new OrderRequest(intent.clientOrderId(), intent.strategy(), intent.instrument(), intent.side(), OrderType.MARKET,
                approved.quantity(), null, intent.decisionTime(), intent.reduceOnly());
        IntentDecision d = new IntentDecision(IntentDecision.Outcome.APPROVED, intent.clientOrderId().value(), intent.instrument().value(),
                intent.decisionTime(), request, PositionIds.of(accountId, intent.instrument(), seq), "approved", intent.reason(), approved.inputs());
        return List.of(new IntentApproved(d, entry, seq));
    }
}
