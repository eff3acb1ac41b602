package dev.trader.engine.export;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.List;

/**
 * One closed round trip of a position: from the fill that opened it to the one that made it flat, filed under the day it
 * closed. {@code quantity} is what the entry fills added up to; {@code entryPrice} the position's average entry price (10
 * decimals, as the position keeps it) and {@code exitPrice} the quantity-weighted average of the fills that reduced it
 * (rounded half-even to 10 decimals); {@code realizedPnl} is the position's own booked P&L over the trade, before fees, and
 * {@code netPnl} after them; {@code exit} the in-trade manager's name for the last exit (stop, target, ...) when it had one.
 */
record TradeRow(String positionId, String instrument, String side, Instant openedAt, Instant closedAt, Quantity quantity, Price entryPrice,
                Price exitPrice, Money realizedPnl, Money fees, String exit, int fills) {
    static final List<String> HEADER = List.of("position_id", "instrument", "side", "opened_at", "closed_at", "quantity", "entry_price", "exit_price",
            "realized_pnl", "fees", "net_pnl", "currency", "exit", "fills");

    Money netPnl() {
        return realizedPnl.minus(fees);
    }

    List<String> cells() {
        return List.of(positionId, instrument, side, openedAt.toString(), closedAt.toString(), Decimals.of(quantity), Decimals.of(entryPrice),
                Decimals.of(exitPrice), Decimals.of(realizedPnl), Decimals.of(fees), Decimals.of(netPnl()), realizedPnl.currency(),
                exit == null ? "" : exit, Integer.toString(fills));
    }
}
