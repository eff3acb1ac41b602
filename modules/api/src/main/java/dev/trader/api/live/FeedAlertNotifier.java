package dev.trader.api.live;

import dev.trader.engine.alert.Alert;
import dev.trader.engine.alert.AlertNotifier;
import java.util.List;

/** Puts every alert that fires or clears on the live feed ({@code alert}, replacing the waiting one of the same alert and subject). */
final class FeedAlertNotifier implements AlertNotifier {
    private final FeedBus bus;

    FeedAlertNotifier(FeedBus bus) {
        this.bus = bus;
    }

    static FeedUpdate update(Alert alert) {
        return new FeedUpdate("alert", 0, "alert:" + alert.key(), null, FeedData.AlertData.of(alert));
    }

    @Override
    public void fired(Alert alert) {
        bus.publish(List.of(update(alert)), 0);
    }

    @Override
    public void resolved(Alert alert) {
        bus.publish(List.of(update(alert)), 0);
    }
}
