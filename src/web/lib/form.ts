import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { zodIssuesToErrors } from './errors.ts';

/**
 * A Mantine form validator from a contract schema: the browser checks what the server will check, and the
 * messages come from the catalogues. `map` turns form values into the request body first.
 */
export const validateWith =
  <V, S extends z.ZodType>(t: TFunction, schema: S, map?: (values: V) => unknown) =>
  (values: V): Record<string, string> => {
    const result = schema.safeParse(map ? map(values) : values);
    return result.success ? {} : zodIssuesToErrors(t, result.error.issues);
  };

/** Empty text input → null (optional nullable fields of the contracts). */
export const emptyToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
