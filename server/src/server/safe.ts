import { ResponseError, type Connection } from 'vscode-languageserver';

/**
 * Wraps a request handler so that a failure is logged and answered with `fallback` instead of
 * taking the server down or leaving the client waiting: one bad document or one bug in a feature
 * must not stop the others.
 */
export function safely<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (e) {
      if (e instanceof ResponseError) throw e; // a deliberate answer, e.g. "not a valid id" for rename
      logError(connection, name, e);
      return fallback;
    }
  };
}

/** The same for notification handlers, which answer nothing. */
export function safelyNotify<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    void (async () => {
      try {
        await handler(params);
      } catch (e) {
        logError(connection, name, e);
      }
    })();
  };
}

export function logError(connection: Connection, name: string, e: unknown): void {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  try {
    connection.console.error(`callscript: ${name} failed: ${detail}`);
  } catch {
    // the connection itself is gone; nothing left to tell
  }
}
