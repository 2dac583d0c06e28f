import { z } from 'zod';

/** The one error shape of the API: a stable machine code, a human message, and optional details. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid();
export const IdParams = z.object({ id: Id });
export const Version = z.number().int().min(1);

/** A password rule that an ordinary civil servant can follow and a dictionary attack cannot: length first. */
export const Password = z.string().min(10, 'PASSWORD_TOO_SHORT').max(200);

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'EMAIL_INVALID' }));
