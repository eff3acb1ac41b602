package dev.trader.engine.pipeline;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.RiskBook;
import dev.trader.risk.account.OpenPosition;

/**
 * The price a flatten's exit was decided at: the account's mark of the instrument, the last close
 * it observed, which is the reference price the risk rules approved the exit with.
 */
final class FlattenMarks {
    private FlattenMarks() {
    }

    /** The account's mark of {@code instrument}; null without a prop-firm book or a position there. */
    static Price of(AccountState account, String instrument) {
        RiskBook book = account.risk().book();
        if (book == null) {
            return null;
        }
        return book.risk().position(InstrumentId.parse(instrument)).map(OpenPosition::mark).orElse(null);
    }
}
