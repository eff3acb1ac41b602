package dev.trader.api.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ClientRequestTest {
    @Test
    void readsTheAuthAndTheTwoSubscribes() {
        assertEquals(new ClientRequest.Auth("trk_ops_x"), ClientRequest.parse("{\"type\":\"auth\",\"key\":\"trk_ops_x\"}"));
        assertEquals(new ClientRequest.Subscribe(OptionalLong.empty()), ClientRequest.parse("{\"type\":\"subscribe\"}"));
        assertEquals(new ClientRequest.Subscribe(OptionalLong.of(1234)), ClientRequest.parse("{\"type\":\"subscribe\",\"from\":1234}"));
    }

    @Test
    void refusesAnythingElseSayingWhy() {
        for (String bad : new String[] {"", "null", "[]", "{\"type\":\"auth\"}", "{\"type\":\"auth\",\"key\":1}", "{\"type\":\"auth\",\"key\":\"k\",\"from\":1}",
                "{\"type\":\"subscribe\",\"from\":-1}", "{\"type\":\"subscribe\",\"from\":1.5}", "{\"type\":\"subscribe\",\"from\":\"1\"}",
                "{\"type\":\"hello\"}", "{\"type\":\"auth\",\"key\":\"a\",\"key\":\"b\"}", "{\"type\":\"auth\",\"key\":\"a\"} {}",
                "{\"type\":\"subscribe\",\"extra\":{}}"}) {
            assertThrows(IllegalArgumentException.class, () -> ClientRequest.parse(bad), bad);
        }
    }

    @Test
    void neverShowsTheKeyNotEvenInTheErrorOfAKeySentWithoutQuotes() {
        assertEquals("Auth[key=***]", ClientRequest.parse("{\"type\":\"auth\",\"key\":\"trk_ops_secret\"}").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientRequest.parse("{\"type\":\"auth\",\"key\":trk_ops_secret}"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
