// The strategy editor's checks before anything is sent: the server checks again (the strategy's
// type decides which parameters and values are allowed); these only catch what is not even JSON.

export type Parameters = Record<string, unknown>;

/** The operator's text as parameters, or the reason it is not an object of them. */
export function parseParameters(text: string): { parameters: Parameters } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON: ${(e as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'the parameters must be a JSON object, such as {"fast": 9}' };
  }
  return { parameters: value as Parameters };
}

/** The top-level parameters whose value differs from {@code current} (the server merges them over it); removed keys cannot be sent. */
export function changedParameters(current: Parameters, edited: Parameters): { changes: Parameters; removed: string[] } {
  const changes: Parameters = {};
  for (const [k, v] of Object.entries(edited)) {
    if (canonical(v) !== canonical(current[k])) changes[k] = v;
  }
  const removed = Object.keys(current).filter((k) => !(k in edited));
  return { changes, removed };
}

/** The confidence threshold as the API takes it: a decimal in [0, 1], or the reason it is not. */
export function parseThreshold(text: string): { value: string } | { error: string } {
  const t = text.trim();
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(t)) return { error: `the threshold must be a decimal from 0 to 1, not "${t}"` };
  return { value: t };
}

/** JSON with the object keys sorted, so that key order does not count as a change. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : x));
}
