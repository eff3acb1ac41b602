package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BinanceCredentialsTest {
    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @Test
    void readsTheConfiguredVariablesAndPrintsNeither() {
        BinanceCredentials c = BinanceCredentials.fromEnvironment(Map.of("MY_KEY", KEY, "MY_SECRET", SECRET), "MY_KEY", "MY_SECRET");
        assertEquals(KEY, c.apiKey());
        assertFalse(c.toString().contains(KEY));
        assertFalse(c.toString().contains(SECRET));
        assertFalse(c.signer().toString().contains(SECRET));
    }

    @Test
    void aMissingVariableIsNamedButNoValueIsShown() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BinanceCredentials.fromEnvironment(Map.of("BINANCE_API_KEY", KEY), "BINANCE_API_KEY", "BINANCE_API_SECRET"));
        assertEquals("environment variable BINANCE_API_SECRET is not set", e.getMessage());
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> BinanceCredentials.fromEnvironment(Map.of("BINANCE_API_KEY", " ", "BINANCE_API_SECRET", SECRET), "BINANCE_API_KEY",
                        "BINANCE_API_SECRET"));
        assertEquals("environment variable BINANCE_API_KEY is empty", empty.getMessage());
    }

    @Test
    void aValueThatCouldSplitTheHeaderIsRefusedWithoutShowingIt() {
        String injected = KEY + "\r\nX-Evil: 1";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BinanceCredentials.fromEnvironment(Map.of("K", injected, "S", SECRET), "K", "S"));
        assertTrue(e.getMessage().startsWith("environment variable K contains"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
    }

    @Test
    void theDefaultVariableNamesComeFromTheSettings() {
        BinanceSettings s = BinanceSettings.builder().credentialEnv("TRADER_TEST_UNSET_KEY_1", "TRADER_TEST_UNSET_SECRET_1").build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BinanceCredentials.fromEnvironment(s));
        assertEquals("environment variable TRADER_TEST_UNSET_KEY_1 is not set", e.getMessage());
        assertEquals("BINANCE_API_KEY", BinanceSettings.live().apiKeyEnv());
        assertEquals("BINANCE_API_SECRET", BinanceSettings.live().apiSecretEnv());
    }
}
