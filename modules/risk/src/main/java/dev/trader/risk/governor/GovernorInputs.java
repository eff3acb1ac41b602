package dev.trader.risk.governor;

import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.ClosedTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the governor looks at: the rolling drawdown in R (peak-to-now of cumulative R over the
 * last N closed trades, ≥ 0), the current loss streak, the self-reported state (null if never
 * reported) and when the triggers happened.
 */
public record GovernorInputs(BigDecimal drawdownR, int lossStreak, Integer selfReported, Instant lastLossAt, Instant selfReportedAt) {

    public static GovernorInputs of(AccountRisk state, int windowTrades) {
        List<ClosedTrade> closed = state.closedTrades();
        int from = Math.max(0, closed.size() - windowTrades);
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        for (ClosedTrade t : closed.subList(from, closed.size())) {
            if (t.r() == null) {
                continue;
            }
            cumulative = cumulative.add(t.r());
            peak = peak.max(cumulative);
        }
        int streak = 0;
        for (int i = closed.size() - 1; i >= 0 && closed.get(i).loss(); i--) {
            streak++;
        }
        return new GovernorInputs(peak.subtract(cumulative), streak, state.selfReportedState().orElse(null),
                state.lastLossAt().orElse(null), state.selfReportedAt().orElse(null));
    }
}
