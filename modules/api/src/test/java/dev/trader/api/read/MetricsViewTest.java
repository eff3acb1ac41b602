package dev.trader.api.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.domain.position.PositionSide;
import dev.trader.engine.readmodel.query.TradeAnalytics;
import dev.trader.engine.readmodel.query.TradeRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/metrics} names its fields exactly as the admin API issue lists them, and writes exact decimals as strings. */
class MetricsViewTest {
    @Test
    void theFieldsAreExactlyTheIssuesAndTheNumbersExactStrings() throws Exception {
        TradeRow win = trade("a#1", "2023-03-13T09:00:00Z", "2023-03-13T10:00:00Z", "0.30000000", "0.6", "0.5");
        TradeRow loss = trade("b#1", "2023-03-13T11:00:00Z", "2023-03-13T11:30:00Z", "-0.1", null, null);
        JsonNode json = new ObjectMapper().valueToTree(MetricsView.of(TradeAnalytics.of(List.of(win, loss), new BigDecimal("10000"),
                ZoneId.of("Europe/Prague"))));

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("profit_factor", "win_rate", "expected_R", "avg_R", "max_drawdown_R", "max_drawdown_pct", "time_in_market",
                "avg_hold_minutes", "pnl_by_day", "pnl_by_hour", "pnl_by_weekday_hour", "regime_strategy_symbol_matrix"), fields);
        assertEquals("3", json.get("profit_factor").asText());
        assertEquals("0.5", json.get("win_rate").asText());
        assertEquals("0.5", json.get("expected_R").asText());
        assertEquals("0.2", json.get("pnl_by_day").get("2023-03-13").asText());
        assertEquals(24, json.get("pnl_by_hour").size());
        assertEquals("0.3", json.get("pnl_by_hour").get(9).asText());
        assertEquals(7, json.get("pnl_by_weekday_hour").size());
        JsonNode cell = json.get("regime_strategy_symbol_matrix").get("trend").get("ema-cross").get("binance:BTCUSDT");
        assertEquals(2, cell.get("trades").asInt());
        assertEquals("0.2", cell.get("pnl").asText());
        assertEquals("0.5", cell.get("win_rate").asText());
        assertEquals("0.5", cell.get("expected_R").asText());
        assertTrue(json.get("time_in_market").isTextual());
    }

    private static TradeRow trade(String id, String entry, String exit, String pnl, String risk, String r) {
        return new TradeRow(id, id.substring(0, 1), 1, "ema-cross", "binance:BTCUSDT", PositionSide.LONG, BigDecimal.ONE, Instant.parse(entry),
                BigDecimal.TEN, Instant.parse(exit), BigDecimal.TEN, new BigDecimal(pnl), BigDecimal.ZERO, new BigDecimal(pnl), "USDT", null,
                risk == null ? null : new BigDecimal(risk), r == null ? null : new BigDecimal(r), BigDecimal.ONE, null, "trend", "LONDON");
    }
}
