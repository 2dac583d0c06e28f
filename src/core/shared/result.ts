/** Errors are values in the core: a use case returns `Result`, the HTTP edge maps `err.code` to a status. */
export type Ok<T> = { ok: true; value: T };
export type Err<E> = { ok: false; error: E };
export type Result<T, E = DomainError> = Ok<T> | Err<E>;

/** A stable machine code plus an English developer message; the UI translates the code. */
export type DomainError = { code: string; message: string; details?: unknown };

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E = DomainError>(error: E): Err<E> => ({ ok: false, error });
