// The admin API over fetch: every call carries the key as a Bearer token; errors arrive as
// {error, message, details} and become an ApiError.

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export class Api {
  /** Called once a call is refused 401 (the key was revoked or is wrong): the app signs out. */
  onUnauthorized: (message: string) => void = () => {};

  constructor(readonly key: string, private readonly base = '') {}

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.call<T>('DELETE', path);
  }

  /** A file (the trades CSV): the body as a Blob. */
  async download(path: string): Promise<Blob> {
    const r = await this.send('GET', path);
    return r.blob();
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.send(method, path, body);
    return (await r.json()) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.key}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let r: Response;
    try {
      r = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, 'network', `the node does not answer (${(e as Error).message})`);
    }
    if (!r.ok) {
      let code = 'http_' + r.status;
      let message = r.statusText || `HTTP ${r.status}`;
      try {
        const e = (await r.json()) as { error?: string; message?: string };
        code = e.error ?? code;
        message = e.message ?? message;
      } catch {
        // not JSON: keep the status line
      }
      if (r.status === 401) this.onUnauthorized(message);
      throw new ApiError(r.status, code, message);
    }
    return r;
  }
}

/** Whether {@code role} is at least {@code needed} (viewer < trader < admin), as the server checks it. */
export function atLeast(role: string | undefined, needed: 'viewer' | 'trader' | 'admin'): boolean {
  const order = ['viewer', 'trader', 'admin'];
  return role !== undefined && order.indexOf(role) >= order.indexOf(needed) && order.indexOf(role) >= 0;
}
