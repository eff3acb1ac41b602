import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** When set, the operator must type a reason (1..200 characters) that is passed to onConfirm. */
  reason?: string;
  onConfirm: (reason: string) => Promise<void>;
  onCancel: () => void;
}

/** A modal confirmation: nothing is sent until the operator confirms; the server's refusal is shown in place. */
export function ConfirmDialog({ title, children, confirmLabel, danger, reason, onConfirm, onCancel }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !busy && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onCancel]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(text.trim());
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  const needsReason = reason !== undefined && (text.trim().length === 0 || text.trim().length > 200);

  return (
    <div className="overlay" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" data-testid="confirm-dialog">
        <h3 id="dialog-title">{title}</h3>
        <div className="dialog-body">{children}</div>
        {reason !== undefined && (
          <label className="field">
            {reason}
            <input value={text} maxLength={200} onChange={(e) => setText(e.target.value)} data-testid="confirm-reason" />
          </label>
        )}
        {error && <div className="error" role="alert">{error}</div>}
        <div className="dialog-actions">
          <button ref={cancel} onClick={onCancel} disabled={busy}>Cancel</button>
          <button className={danger ? 'danger' : 'primary'} onClick={confirm} disabled={busy || needsReason} data-testid="confirm-ok">
            {busy ? 'Sending…' : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
