/** An error that crosses the HTTP edge with a status and a stable machine code; the UI translates the code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new HttpError(400, code, message, details);
export const unauthenticated = () => new HttpError(401, 'UNAUTHENTICATED', 'Login required.');
export const forbidden = () => new HttpError(403, 'FORBIDDEN', 'You may not do this on this unit.');
export const notFound = (what = 'Resource') => new HttpError(404, 'NOT_FOUND', `${what} not found.`);
export const conflict = (code: string, message: string, details?: unknown) =>
  new HttpError(409, code, message, details);
/** A write based on an old version: the client gets the current value and decides. */
export const staleWrite = (current: unknown) =>
  new HttpError(409, 'STALE_WRITE', 'Someone changed this in the meantime; here is the current value.', {
    current,
  });

/** Maps a domain error code from the core or a use case to its HTTP status. */
export const statusForDomainCode = (code: string): number => {
  if (code === 'NOT_FOUND') return 404;
  if (code === 'FORBIDDEN') return 403;
  if (code === 'STALE_WRITE' || code.endsWith('_TAKEN') || code.startsWith('CONFLICT')) return 409;
  return 400;
};
