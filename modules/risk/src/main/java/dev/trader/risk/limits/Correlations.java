package dev.trader.risk.limits;

import dev.trader.domain.id.InstrumentId;
import java.util.OptionalDouble;

/** The rolling correlation of two instruments' returns, when enough common samples exist. */
@FunctionalInterface
public interface Correlations {
    /** No correlation is known: every instrument is its own exposure. */
    Correlations NONE = (a, b) -> OptionalDouble.empty();

    OptionalDouble correlation(InstrumentId a, InstrumentId b);
}
