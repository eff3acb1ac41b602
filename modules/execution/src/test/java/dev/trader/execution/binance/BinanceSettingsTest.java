package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BinanceSettingsTest {
    @Test
    void liveDefaults() {
        BinanceSettings s = BinanceSettings.live();
        assertEquals(URI.create("https://api.binance.com"), s.restBaseUrl());
        assertEquals("wss://stream.binance.com:9443", s.wsBase());
        assertEquals(Duration.ofSeconds(5), s.recvWindow());
        assertEquals(Duration.ofMinutes(30), s.keepAliveInterval());
        assertEquals(1 << 20, s.maxResponseBytes());
    }

    @Test
    void readsTheBinanceSectionOfTheConfiguration() {
        BinanceSettings s = BinanceSettings.fromConfig(ConfigFactory.parseString("""
                rest-base-url = "http://127.0.0.1:18080"
                ws-base-url = "ws://127.0.0.1:18081"
                recv-window = 3s
                keep-alive-interval = 10m
                backoff-min = 100ms
                backoff-max = 5s
                breaker-threshold = 3
                max-response-bytes = 2MiB
                api-key-env = SIM_KEY
                api-secret-env = SIM_SECRET
                """));
        assertEquals("http://127.0.0.1:18080", s.restBase());
        assertEquals(Duration.ofSeconds(3), s.recvWindow());
        assertEquals(3, s.breakerThreshold());
        assertEquals(2 << 20, s.maxResponseBytes());
        assertEquals("SIM_SECRET", s.apiSecretEnv());
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        assertMessage("binance.recv-window must be within", () -> BinanceSettings.builder().recvWindow(Duration.ofSeconds(61)).build());
        assertMessage("binance.rest-base-url must be a http or https URL",
                () -> BinanceSettings.builder().restBaseUrl(URI.create("ftp://api.binance.com")).build());
        assertMessage("binance.ws-base-url must be scheme://host[:port] without a path",
                () -> BinanceSettings.builder().wsBaseUrl(URI.create("wss://stream.binance.com:9443/ws")).build());
        assertMessage("binance.backoff-max must be within", () -> BinanceSettings.builder()
                .backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build());
        assertMessage("binance.breaker-threshold", () -> BinanceSettings.builder().breaker(0, Duration.ofSeconds(1)).build());
        assertMessage("binance.api-key-env must be an environment variable name",
                () -> BinanceSettings.builder().credentialEnv("MY KEY", "S").build());
        assertMessage("binance.fill-lookback", () -> BinanceSettings.builder().fillLookback(Duration.ofHours(25)).build());
        assertMessage("binance.recv-window cannot be read", () -> BinanceSettings.fromConfig(ConfigFactory.parseString("recv-window = soon")));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
