package dev.trader.engine.readmodel.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.position.PositionSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradesCsvTest {
    private static final String HEADER = "trade_id,position_id,strategy,instrument,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl,fees,"
            + "pnl_after_fees,currency,initial_stop,initial_risk,r_multiple,hold_minutes,exit_kind,regime,session\r\n";

    @Test
    void theHeaderIsStableAndAnEmptyExportIsJustTheHeader() {
        assertEquals(HEADER, TradesCsv.of(List.of()));
    }

    @Test
    void decimalsArePlainUnknownsEmptyAndAwkwardTextQuoted() {
        TradeRow t = new TradeRow("account:binance:BTCUSDT:1#1", "account:binance:BTCUSDT:1", 1, "ema-cross", "binance:BTCUSDT", PositionSide.LONG,
                new BigDecimal("1E-8"), Instant.parse("2023-03-16T13:30:00Z"), new BigDecimal("24957.04"), Instant.parse("2023-03-16T15:00:00Z"),
                new BigDecimal("25000"), new BigDecimal("0.00043"), new BigDecimal("0.0000005"), new BigDecimal("0.0004295"), "USDT", null, null, null,
                new BigDecimal("90"), "STOP", "trend, \"strong\"", "LONDON+NEW_YORK");
        String expected = HEADER + "account:binance:BTCUSDT:1#1,account:binance:BTCUSDT:1,ema-cross,binance:BTCUSDT,LONG,0.00000001,"
                + "2023-03-16T13:30:00Z,24957.04,2023-03-16T15:00:00Z,25000,0.00043,0.0000005,0.0004295,USDT,,,,90,STOP,\"trend, \"\"strong\"\"\","
                + "LONDON+NEW_YORK\r\n";
        assertEquals(expected, TradesCsv.of(List.of(t)));
    }

    @Test
    void lineBreaksAreQuoted() {
        assertEquals("\"a\nb\"", TradesCsv.field("a\nb"));
        assertEquals("\"a\rb\"", TradesCsv.field("a\rb"));
        assertEquals("plain", TradesCsv.field("plain"));
    }
}
