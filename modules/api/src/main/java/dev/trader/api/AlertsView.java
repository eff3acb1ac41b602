package dev.trader.api;

import dev.trader.engine.alert.Alert;
import dev.trader.engine.alert.AlertBook;
import java.util.List;

/** The JSON of {@code GET /api/alerts}: the alerts firing now and the latest cleared (newest first). Times are wall-clock ISO instants. */
public record AlertsView(List<AlertView> active, List<AlertView> resolved, long firedTotal) {

    public record AlertView(String alert, String severity, String subject, String message, String since, String resolvedAt) {
        static AlertView of(Alert a) {
            return new AlertView(a.kind().id(), a.kind().severity().name().toLowerCase(java.util.Locale.ROOT), a.subject(), a.message(),
                    a.since().toString(), a.resolvedAt() == null ? null : a.resolvedAt().toString());
        }
    }

    static AlertsView of(AlertBook book) {
        return new AlertsView(book.active().stream().map(AlertView::of).toList(), book.resolved().stream().map(AlertView::of).toList(),
                book.firedTotal());
    }
}
