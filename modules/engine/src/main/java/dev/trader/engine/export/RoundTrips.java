package dev.trader.engine.export;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.position.Position;
import dev.trader.domain.position.PositionSide;
import dev.trader.engine.position.PositionEntity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays one position entity's fills through the domain's {@link Position} (exactly as the entity applies them) and cuts
 * them into closed round trips: a trade starts with the fill that leaves the position flat no more and ends with the one
 * that makes it flat again (a fill that reverses it ends one trade and starts the next). A trade still open is not a row.
 */
final class RoundTrips {
    private static final int PRICE_SCALE = 10;

    private final String positionId;
    private final String currency;
    private final List<TradeRow> closed = new ArrayList<>();
    private Position position;
    private Open open;

    private static final class Open {
        PositionSide side;
        Instant openedAt;
        Quantity entered = Quantity.ZERO;
        Quantity exited = Quantity.ZERO;
        BigDecimal exitNotional = BigDecimal.ZERO;
        Money realizedBefore;
        Money feesBefore;
        Price entryPrice;
        String exit;
        int fills;
    }

    RoundTrips(String positionId, String currency) {
        this.positionId = positionId;
        this.currency = currency;
    }

    void apply(PositionEntity.FillEvent e) {
        Fill fill = e.fill();
        if (position == null) {
            position = Position.flat(fill.instrument(), currency);
        }
        Position before = position;
        Position after = before.apply(fill);
        if (open == null) {
            open = opened(before, after, fill.time());
        }
        PositionSide fillSide = fill.side() == OrderSide.BUY ? PositionSide.LONG : PositionSide.SHORT;
        open.fills++;
        if (e.exit() != null) {
            open.exit = e.exit().name();
        }
        if (fillSide == open.side) {
            open.entered = open.entered.plus(fill.quantity());
        } else {
            Quantity reduced = before.quantity().min(fill.quantity());
            open.exited = open.exited.plus(reduced);
            open.exitNotional = open.exitNotional.add(fill.price().toBigDecimal().multiply(reduced.toBigDecimal()));
        }
        if (!after.isFlat()) {
            open.entryPrice = after.side() == open.side ? after.averagePrice() : open.entryPrice;
        }
        if (after.isFlat() || after.side() != open.side) {
            closed.add(row(after, fill.time()));
            open = after.isFlat() ? null : reversed(after, fill.time());
        }
        position = after;
    }

    private static Open opened(Position before, Position after, Instant at) {
        Open o = new Open();
        o.side = after.side();
        o.openedAt = at;
        o.realizedBefore = before.realizedPnl();
        o.feesBefore = before.fees();
        o.entryPrice = after.averagePrice();
        return o;
    }

    /** What is left after a reversing fill is a new trade, opened at that fill's price. */
    private static Open reversed(Position after, Instant at) {
        Open o = opened(after, after, at);
        o.entered = after.quantity();
        o.fills = 1;
        return o;
    }

    private TradeRow row(Position after, Instant closedAt) {
        Price exitPrice = open.exited.isZero() ? null
                : Price.of(open.exitNotional.divide(open.exited.toBigDecimal(), PRICE_SCALE, RoundingMode.HALF_EVEN));
        return new TradeRow(positionId, after.instrument().value(), open.side.name(), open.openedAt, closedAt, open.entered, open.entryPrice, exitPrice,
                after.realizedPnl().minus(open.realizedBefore), after.fees().minus(open.feesBefore), open.exit, open.fills);
    }

    List<TradeRow> closed() {
        return List.copyOf(closed);
    }
}
