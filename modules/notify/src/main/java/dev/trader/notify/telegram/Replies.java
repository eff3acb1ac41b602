package dev.trader.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The answers to the read commands, as HTML messages, from the API's JSON. Amounts are the API's
 * exact decimal strings; a sum or percentage is computed in {@link BigDecimal}.
 */
final class Replies {
    private Replies() {
    }

    static String check(JsonNode status) {
        JsonNode account = status.path("account");
        JsonNode risk = status.path("risk");
        long up = 0;
        for (JsonNode m : status.path("clusterMembers")) {
            up += m.asText().endsWith(" Up") ? 1 : 0;
        }
        StringBuilder s = new StringBuilder("<b>System</b>\n");
        s.append("mode ").append(esc(status.path("mode").asText())).append(", node ").append(esc(status.path("node").asText()))
                .append(", cluster ").append(up).append(" of ").append(status.path("clusterMembers").size()).append(" members up\n");
        s.append("kill switch ").append(risk.path("killSwitch").path("global").asBoolean() ? "<b>ON</b>" : "off")
                .append(risk.path("halted").asBoolean() ? ", trading <b>HALTED</b>" : "").append('\n');
        s.append("equity ").append(esc(account.path("equity").asText())).append(' ').append(esc(account.path("currency").asText()))
                .append(", cash ").append(esc(account.path("cash").asText())).append(", open positions ")
                .append(status.path("openPositions").size()).append('\n');
        for (JsonNode i : status.path("instruments")) {
            s.append(esc(i.path("id").asText())).append(": last bar ").append(esc(i.path("lastBarTime").asText("none")))
                    .append(", close ").append(esc(i.path("lastClose").asText("-"))).append('\n');
        }
        return s.toString();
    }

    static String stats(JsonNode week, JsonNode month) {
        return "<b>Performance</b> (closed trades, after fees)\n" + period("last 7 days", week) + period("last 30 days", month);
    }

    private static String period(String name, JsonNode m) {
        BigDecimal pnl = BigDecimal.ZERO;
        int days = 0;
        for (Map.Entry<String, JsonNode> day : m.path("pnl_by_day").properties()) {
            pnl = pnl.add(new BigDecimal(day.getValue().asText("0")));
            days++;
        }
        return String.format("%s: P&amp;L %s over %d trading day(s), win rate %s, profit factor %s, expectancy %s R%n", name, pnl.toPlainString(),
                days, orDash(m.path("win_rate")), orDash(m.path("profit_factor")), orDash(m.path("expected_R")));
    }

    static String ftmo(JsonNode status, JsonNode allTime, BigDecimal targetPercent) {
        JsonNode risk = status.path("risk");
        JsonNode account = status.path("account");
        StringBuilder s = new StringBuilder("<b>Prop-firm status</b>");
        s.append(" (trading day ").append(esc(risk.path("tradingDay").asText("-"))).append(")\n");
        s.append("equity ").append(esc(risk.path("equity").asText(account.path("equity").asText()))).append('\n');
        s.append(floor("daily loss floor", risk.path("dailyFloor")));
        s.append(floor("overall loss floor", risk.path("overallFloor")));
        BigDecimal initial = decimal(account.path("initialCapital"));
        BigDecimal equity = decimal(risk.path("equity").isMissingNode() || risk.path("equity").isNull() ? account.path("equity") : risk.path("equity"));
        if (initial != null && equity != null) {
            BigDecimal target = initial.multiply(BigDecimal.ONE.add(targetPercent.movePointLeft(2)));
            s.append("profit target ").append(target.stripTrailingZeros().toPlainString()).append(" (+").append(targetPercent.toPlainString())
                    .append("%): ").append(target.subtract(equity).signum() <= 0 ? "<b>reached</b>" : target.subtract(equity).toPlainString() + " to go")
                    .append('\n');
        }
        int traded = allTime.path("pnl_by_day").size();
        s.append("days traded ").append(traded);
        if (risk.path("halted").asBoolean()) {
            s.append("\ntrading <b>HALTED</b>: ").append(esc(risk.path("halt").path("rule").asText()));
        }
        return s.append('\n').toString();
    }

    private static String floor(String name, JsonNode f) {
        if (f.isMissingNode() || f.isNull()) {
            return name + ": none (not the prop-firm risk model)\n";
        }
        return name + " " + esc(f.path("level").asText()) + ", distance " + esc(f.path("distance").asText())
                + (f.path("reached").asBoolean() ? " <b>REACHED</b>" : "") + "\n";
    }

    static String positions(JsonNode positions) {
        if (positions.size() == 0) {
            return "<b>Positions</b>\nnone open";
        }
        StringBuilder s = new StringBuilder("<b>Positions</b>\n");
        for (JsonNode p : positions) {
            s.append(esc(p.path("instrument").asText())).append(' ').append(esc(p.path("side").asText())).append(' ')
                    .append(esc(p.path("quantity").asText())).append(" @ ").append(esc(p.path("averagePrice").asText())).append(", last ")
                    .append(esc(p.path("lastPrice").asText())).append(", unrealized ").append(esc(p.path("unrealizedPnl").asText()))
                    .append(" (").append(esc(p.path("strategy").asText("-"))).append(")\n");
        }
        return s.toString();
    }

    static Instant daysAgo(Clock clock, int days) {
        return clock.instant().minus(Duration.ofDays(days));
    }

    private static BigDecimal decimal(JsonNode n) {
        try {
            return n.isMissingNode() || n.isNull() ? null : new BigDecimal(n.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orDash(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "-" : esc(n.asText());
    }

    /** Telegram's HTML: only these three need escaping. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
