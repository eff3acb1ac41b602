package dev.trader.engine.position;

import static dev.trader.engine.testing.Fixtures.fill;
import static dev.trader.engine.testing.Fixtures.minute;
import static dev.trader.engine.testing.Fixtures.usdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.position.Position;
import dev.trader.domain.position.PositionSide;
import dev.trader.engine.position.PositionEntity.ApplyFill;
import dev.trader.engine.position.PositionEntity.Command;
import dev.trader.engine.position.PositionEntity.Event;
import dev.trader.engine.position.PositionEntity.PositionChanged;
import dev.trader.engine.position.PositionEntity.PositionClosed;
import dev.trader.engine.position.PositionEntity.PositionOpened;
import dev.trader.engine.position.PositionEntity.PositionUpdated;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import java.util.List;
import java.util.Set;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Position 1 of account "paper" in BTCUSDT: two buys of 0.02 average to 24909.87 exactly, then sells. */
class PositionEntityTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    private static final ClientOrderId ENTRY = ClientOrderId.derive(Fixtures.EMA_CROSS, Fixtures.BTCUSDT, minute(6), 0);
    private static final ClientOrderId EXIT = ClientOrderId.derive(Fixtures.EMA_CROSS, Fixtures.BTCUSDT, minute(20), 0);
    private static final Fill BUY_1 = fill(ENTRY, "3069712240", OrderSide.BUY, "24899.18", "0.02", "0.49798360", minute(7));
    private static final Fill BUY_2 = fill(ENTRY, "3069712241", OrderSide.BUY, "24920.56", "0.02", "0.49841120", minute(7));
    private static final Fill SELL_PART = fill(EXIT, "3069713001", OrderSide.SELL, "25130.00", "0.01", "0.25130000", minute(21));
    private static final Fill SELL_REST = fill(EXIT, "3069713002", OrderSide.SELL, "25130.00", "0.03", "0.75390000", minute(21));

    private EventSourcedBehaviorTestKit<Command, Event, PositionState> kit;

    @BeforeEach
    void startEntity() {
        kit = PEKKO.eventSourced(PositionEntity.create("paper:binance:BTCUSDT:1", "USDT", Fixtures.tuning()));
    }

    private CommandResultWithReply<Command, Event, PositionState, PositionUpdated> apply(Fill fill) {
        return kit.<PositionUpdated>runCommand(replyTo -> new ApplyFill(fill, replyTo));
    }

    @Test
    void anEmptyPositionIsFlatInTheInstrumentOfItsId() {
        PositionState state = kit.getState();
        assertEquals(Position.flat(Fixtures.BTCUSDT, "USDT"), state.position());
        assertFalse(state.isClosed());
    }

    @Test
    void firstFillOpensAnAddChangesAndTheClosingFillClosesWithExactRealizedPnl() {
        var opened = apply(BUY_1);
        assertEquals(List.of(new PositionOpened(BUY_1, null, false, null, null)), opened.events());
        assertTrue(opened.reply().applied());
        assertEquals(new Position(Fixtures.BTCUSDT, PositionSide.LONG, Quantity.of("0.02"), Price.of("24899.18"), usdt("0"),
                usdt("0.4979836")), opened.reply().position());

        var added = apply(BUY_2);
        assertEquals(List.of(new PositionChanged(BUY_2, null, false, null, null)), added.events());
        // (24899.18 × 0.02 + 24920.56 × 0.02) / 0.04 = 24909.87
        assertEquals(new Position(Fixtures.BTCUSDT, PositionSide.LONG, Quantity.of("0.04"), Price.of("24909.87"), usdt("0"),
                usdt("0.9963948")), added.state().position());

        var reduced = apply(SELL_PART);
        assertEquals(List.of(new PositionChanged(SELL_PART, null, false, null, null)), reduced.events());
        // (25130.00 − 24909.87) × 0.01 = 2.2013
        assertEquals(new Position(Fixtures.BTCUSDT, PositionSide.LONG, Quantity.of("0.03"), Price.of("24909.87"), usdt("2.2013"),
                usdt("1.2476948")), reduced.state().position());
        assertFalse(reduced.state().isClosed());

        var closed = apply(SELL_REST);
        assertEquals(List.of(new PositionClosed(SELL_REST, null, false, null, null)), closed.events());
        Position flat = closed.reply().position();
        assertTrue(flat.isFlat());
        assertNull(flat.averagePrice());
        // (25130.00 − 24909.87) × 0.04 = 8.8052 before fees; fees 0.4979836 + 0.4984112 + 0.2513 + 0.7539 = 2.0015948
        assertEquals(usdt("8.8052"), flat.realizedPnl());
        assertEquals(usdt("2.0015948"), flat.fees());
        assertTrue(closed.state().isClosed());
        assertEquals(Set.of("3069712240", "3069712241", "3069713001", "3069713002"), closed.state().appliedTradeIds());
    }

    @Test
    void aTradeIdSeenBeforeIsIgnored() {
        apply(BUY_1);
        var added = apply(BUY_2);

        var duplicate = apply(BUY_2);

        assertFalse(duplicate.reply().applied());
        assertTrue(duplicate.hasNoEvents());
        assertEquals(added.state(), duplicate.state());
        assertEquals(Quantity.of("0.04"), duplicate.reply().position().quantity());

        // a duplicate of the opening fill is no second opening either
        assertTrue(apply(BUY_1).hasNoEvents());
    }

    @Test
    void stateAfterRestartEqualsStateBefore() {
        apply(BUY_1);
        apply(BUY_2);
        apply(SELL_PART);
        PositionState before = kit.getState();

        assertEquals(before, kit.restart().state());
        assertFalse(apply(SELL_PART).reply().applied());
    }
}
