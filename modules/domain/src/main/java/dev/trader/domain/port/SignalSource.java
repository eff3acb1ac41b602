package dev.trader.domain.port;

import dev.trader.domain.market.Bar;
import dev.trader.domain.signal.Signal;
import java.util.Optional;

/** Anything that turns closed bars into signals: a technical strategy, a model, a router. */
public interface SignalSource {
    String name();

    Optional<Signal> onBar(Bar bar);
}
