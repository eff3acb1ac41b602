package dev.trader.engine.account;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Quantity;
import dev.trader.engine.position.PositionIds;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The account's view of one instrument: the filled (long) quantity, the sequence number of the
 * current or last position (every new position gets its own entity), and the strategy that
 * opened the current one: only that strategy's exit closes it, so two strategies on one
 * instrument cannot close each other's trades. {@code owner} is null while nothing is held or
 * pending.
 */
public record InstrumentBook(String instrument, Quantity filled, int positionSeq, String owner) {
    /** The current or last position's entity id; empty before the first. */
    public Optional<String> latestPositionId(String accountId) {
        return positionSeq == 0 ? Optional.empty() : Optional.of(PositionIds.of(accountId, InstrumentId.parse(instrument), positionSeq));
    }

    /** Every position the instrument has had, oldest first. */
    public List<String> positionIds(String accountId) {
        InstrumentId id = InstrumentId.parse(instrument);
        return IntStream.rangeClosed(1, positionSeq).mapToObj(seq -> PositionIds.of(accountId, id, seq)).toList();
    }

    static InstrumentBook empty(String instrument) {
        return new InstrumentBook(instrument, Quantity.ZERO, 0, null);
    }
}
