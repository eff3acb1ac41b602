import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A page's own read: fetched now, again every {@code everyMs} and whenever {@code deps} change
 * (a filter, or the store's tradingVersion after a fill); the last good answer stays on an error.
 */
export function usePoll<T>(fetcher: () => Promise<T>, deps: unknown[], everyMs: number): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(fetcher);
  latest.current = fetcher;
  const generation = useRef(0);

  const reload = useCallback(() => {
    const g = ++generation.current;
    latest.current().then(
      (d) => {
        if (g === generation.current) {
          setData(d);
          setError(null);
        }
      },
      (e: Error) => {
        if (g === generation.current) setError(e.message);
      },
    );
  }, []);

  useEffect(() => {
    reload();
    const t = setInterval(reload, everyMs);
    return () => clearInterval(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, everyMs]);

  return { data, error, reload };
}
