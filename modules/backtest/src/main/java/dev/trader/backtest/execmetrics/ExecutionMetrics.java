package dev.trader.backtest.execmetrics;

import dev.trader.domain.id.InstrumentId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Execution costs measured from market data: per symbol and session, the spread and the taker
 * slippage distributions in basis points, with the files they came from. What
 * {@code bin/trader exec-metrics} writes ({@link ExecutionMetricsJson}, {@link ExecutionMetricsFiles})
 * and what {@link SessionTakerCosts} turns into the fill prices of the backtest and the paper venue.
 *
 * @param version the file format's version, {@value #VERSION}
 * @param created the day the figures were computed (the file's date stamp)
 * @param notes   what a reader should know about the figures: which estimator was not used for a symbol, and why
 * @param symbols by instrument id ({@code binance:BTCUSDT}), sorted
 */
public record ExecutionMetrics(int version, LocalDate created, List<SourceFile> sources, List<String> notes, Map<String, SymbolMetrics> symbols) {
    public static final int VERSION = 1;

    public ExecutionMetrics {
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported execution-metrics version " + version + " (this build reads " + VERSION + ")");
        }
        Objects.requireNonNull(created, "created");
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        TreeMap<String, SymbolMetrics> sorted = new TreeMap<>();
        symbols.forEach((id, m) -> sorted.put(InstrumentId.parse(id).value(), Objects.requireNonNull(m, id)));
        symbols = Collections.unmodifiableMap(sorted);
    }

    public Optional<SymbolMetrics> symbol(InstrumentId instrument) {
        return Optional.ofNullable(symbols.get(instrument.value()));
    }
}
