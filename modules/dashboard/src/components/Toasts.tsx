import type { DashboardStore, Toast } from '../store';

/** The live events as toasts (fills, orders submitted, refusals, alerts), newest at the bottom. */
export function Toasts({ toasts, store }: { toasts: Toast[]; store: DashboardStore }) {
  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.type}`} data-testid="toast" data-type={t.type} data-source={t.source}
          data-event-time={t.eventTime ?? ''} data-received-at={t.at} role="status">
          <div className="toast-title">{t.title}</div>
          <div className="toast-body">{t.body}</div>
          <button className="toast-close" aria-label="dismiss" onClick={() => store.dismiss(t.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
