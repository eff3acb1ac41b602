package dev.trader.app;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.port.ExecutionClient;
import dev.trader.domain.port.SimulatedVenue;
import dev.trader.execution.paper.PaperExecutionClient;
import java.math.BigDecimal;
import java.util.Optional;

/** Paper trading: fills simulated against the bars the node is fed, deterministically. */
record PaperVenue(PaperExecutionClient paper) implements Venue {
    @Override
    public ExecutionClient client() {
        return paper;
    }

    @Override
    public Optional<SimulatedVenue> simulated() {
        return Optional.of(paper);
    }

    @Override
    public void restoreHolding(InstrumentId instrument, BigDecimal signedQuantity) {
        paper.restoreHolding(instrument, signedQuantity);
    }
}
