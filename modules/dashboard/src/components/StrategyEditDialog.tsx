import { useEffect, useState } from 'react';
import type { DashboardStore } from '../store';
import type { StrategyView } from '../types';
import { changedParameters, parseParameters, parseThreshold } from '../logic/strategyEdit';

interface Props {
  strategy: StrategyView;
  store: DashboardStore;
  close: () => void;
}

/**
 * A strategy's threshold and parameters (the trader role): nothing is sent until Save; the server
 * checks the parameters against the strategy's type and its refusal is shown in place. A change
 * rebuilds the strategy on every instrument, warmed on the bars it observed.
 */
export function StrategyEditDialog({ strategy, store, close }: Props) {
  const market = strategy.instruments[0];
  const current = market?.parameters ?? strategy.configuredParameters;
  const [threshold, setThreshold] = useState(market?.minConfidence ?? '0');
  const [text, setText] = useState(JSON.stringify(current, null, 2));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = strategy.instruments.some((i) => i.parametersChanged);
  const path = `/api/strategies/${encodeURIComponent(strategy.id)}`;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !busy && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, close]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await store.reloadStrategies();
      close();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const save = () => {
    const t = parseThreshold(threshold);
    if ('error' in t) return setError(t.error);
    const p = parseParameters(text);
    if ('error' in p) return setError(p.error);
    const { changes, removed } = changedParameters(current, p.parameters);
    if (removed.length) return setError(`removing ${removed.join(', ')} is not a change the API makes: reset to the configured parameters instead`);
    return run(async () => {
      if (t.value !== market?.minConfidence) await store.api.put(`${path}/threshold`, { minConfidence: t.value });
      if (Object.keys(changes).length) await store.api.put(`${path}/parameters`, { parameters: changes });
    });
  };

  return (
    <div className="overlay" role="presentation">
      <div className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="edit-title" data-testid="strategy-edit-dialog">
        <h3 id="edit-title">Strategy {strategy.id} <span className="muted">({strategy.type})</span></h3>
        <div className="dialog-body">
          <label className="field">
            Confidence threshold (0 to 1): signals below it are not raised
            <input value={threshold} onChange={(e) => setThreshold(e.target.value)} data-testid="strategy-threshold" />
          </label>
          <label className="field">
            Parameters (JSON){changed && ' · changed from the configuration'}
            <textarea className="mono" rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false}
              data-testid="strategy-parameters" />
          </label>
          <p className="muted">New parameters rebuild the strategy on every instrument, warmed on the bars it observed last. Journaled as an
            operator action under key {store.who.keyId}.</p>
        </div>
        {error && <div className="error" role="alert" data-testid="strategy-edit-error">{error}</div>}
        <div className="dialog-actions">
          <button onClick={close} disabled={busy}>Cancel</button>
          {changed && <button onClick={() => run(async () => { await store.api.delete(`${path}/parameters`); })} disabled={busy}
            data-testid="strategy-reset">Reset to configured</button>}
          <button className="primary" onClick={save} disabled={busy} data-testid="strategy-save">{busy ? 'Sending…' : 'Save'}</button>
        </div>
      </div>
    </div>
  );
}
