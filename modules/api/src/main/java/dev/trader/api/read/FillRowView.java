package dev.trader.api.read;

import dev.trader.engine.readmodel.query.FillRow;

/** One fill of an order ({@link FillRow}): exact decimal strings; {@code time} the venue's trade time. */
public record FillRowView(String tradeId, String clientOrderId, String parentId, String positionId, String strategy, String instrument, String side,
                          String price, String quantity, String fee, String feeCurrency, String time) {
    public static FillRowView of(FillRow f) {
        return new FillRowView(f.tradeId(), f.clientOrderId(), f.parentId(), f.positionId(), f.strategy(), f.instrument(), Text.of(f.side()),
                Text.of(f.price()), Text.of(f.quantity()), Text.of(f.fee()), f.feeCurrency(), Text.of(f.time()));
    }
}
