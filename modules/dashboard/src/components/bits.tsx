import type { ReactNode } from 'react';
import type { Tone } from '../logic/governor';

export function Tile({ label, value, sub, tone, testId }: { label: string; value: ReactNode; sub?: ReactNode; tone?: string; testId?: string }) {
  return (
    <div className={`tile ${tone ?? ''}`} data-testid={testId}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">{value}</div>
      {sub !== undefined && <div className="tile-sub">{sub}</div>}
    </div>
  );
}

export function Chip({ tone, children, title, testId }: { tone: Tone | string; children: ReactNode; title?: string; testId?: string }) {
  return (
    <span className={`chip chip-${tone}`} title={title} data-testid={testId}>
      {children}
    </span>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="panel">
      <header className="panel-head">
        <h2>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
