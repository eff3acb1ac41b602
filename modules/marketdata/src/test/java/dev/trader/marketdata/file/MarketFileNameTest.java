package dev.trader.marketdata.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Instrument and timeframe come out of the real data files' names. */
class MarketFileNameTest {

    @ParameterizedTest
    @CsvSource({
            "BTC_USDT-1m_20230316-20230501.json.gz, binance:BTCUSDT, 1m",
            "ETH_USDT-1m_20230317-20230324.json.gz, binance:ETHUSDT, 1m",
            "BNB_USDT-1m_20210402-20210514.json.gz, binance:BNBUSDT, 1m",
            "FILUSDT-1m-2023-08.csv.gz,             binance:FILUSDT, 1m",
            "BTCUSDT-1h-2022-2024.csv.gz,           binance:BTCUSDT, 1h",
            "ETHUSDT-1d-to-2024.csv.gz,             binance:ETHUSDT, 1d",
            "BTCUSDT-15m-2025-01.csv,               binance:BTCUSDT, 15m",
            "BTC_USDT_USDT-1m-futures.json,         binance:BTCUSDT, 1m",
            "BTC_USDT-4h.json,                      binance:BTCUSDT, 4h",
    })
    void infersInstrumentAndTimeframeFromRealFileNames(String name, String instrument, String timeframe) {
        MarketFileName inferred = MarketFileName.of(Path.of("/data", name));

        assertEquals(InstrumentId.parse(instrument), inferred.instrument());
        assertEquals(Timeframe.ofLabel(timeframe), inferred.timeframe());
    }

    @Test
    void aNameWithoutSymbolAndTimeframeIsRefusedWithTheExpectedConventions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarketFileName.parse("prices.csv.gz"));

        assertTrue(e.getMessage().contains("'prices.csv.gz'"), e.getMessage());
        assertTrue(e.getMessage().contains("FILUSDT-1m-2023-08.csv.gz"), e.getMessage());
    }

    @Test
    void anUnsupportedTimeframeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarketFileName.parse("BTCUSDT-3m-2023-08.csv"));

        assertTrue(e.getMessage().contains("'3m'"), e.getMessage());
        assertTrue(e.getMessage().contains("BTCUSDT-3m-2023-08.csv"), e.getMessage());
    }
}
