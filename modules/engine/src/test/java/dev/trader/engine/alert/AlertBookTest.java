package dev.trader.engine.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertBookTest {
    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    private static final AlertCondition STALE_BTC = new AlertCondition(AlertKind.STALE_DATA, "binance:BTCUSDT", "no bar for 200 s");
    private static final AlertCondition STALE_ETH = new AlertCondition(AlertKind.STALE_DATA, "binance:ETHUSDT", "no bar for 190 s");

    @Test
    void notifiersHearOfEachAlertOnceWhenItFiresAndOnceWhenItClears() {
        List<String> heard = new ArrayList<>();
        AlertBook book = new AlertBook().notifying(new AlertNotifier() {
            @Override
            public void fired(Alert a) {
                heard.add("fired " + a.key() + " " + a.message());
            }

            @Override
            public void resolved(Alert a) {
                heard.add("resolved " + a.key());
            }
        });
        book.update(List.of(STALE_BTC), T);
        book.update(List.of(new AlertCondition(AlertKind.STALE_DATA, "binance:BTCUSDT", "no bar for 205 s"), STALE_ETH), T.plusSeconds(5));
        assertEquals(2, book.active().size());
        assertEquals("no bar for 205 s", book.active().get(0).message(), "the message follows the condition");
        assertEquals(T, book.active().get(0).since(), "but it fired once, at the first sight");
        book.update(List.of(STALE_ETH), T.plusSeconds(10));
        assertEquals(List.of("fired stale_data:binance:BTCUSDT no bar for 200 s", "fired stale_data:binance:ETHUSDT no bar for 190 s",
                "resolved stale_data:binance:BTCUSDT"), heard);
        assertEquals(T.plusSeconds(10), book.resolved().get(0).resolvedAt());
        assertEquals(2, book.firedTotal());
    }

    @Test
    void aFailingNotifierDoesNotKeepTheOthersFromHearing() {
        List<String> heard = new ArrayList<>();
        AlertBook book = new AlertBook().notifying(new AlertNotifier() {
            @Override
            public void fired(Alert a) {
                throw new IllegalStateException("webhook down");
            }

            @Override
            public void resolved(Alert a) {
            }
        }).notifying(new AlertNotifier() {
            @Override
            public void fired(Alert a) {
                heard.add(a.key());
            }

            @Override
            public void resolved(Alert a) {
            }
        });
        book.update(List.of(STALE_BTC), T);
        assertEquals(List.of("stale_data:binance:BTCUSDT"), heard);
    }
}
