import { z } from 'zod';
import { Id, Version } from './common.ts';

/** A unit's employee (pegawai): personal data, shown only to the unit's own people. */
export const Employee = z.object({
  id: Id,
  unitId: Id,
  name: z.string(),
  nip: z.string().nullable(),
  position: z.string(),
  grade: z.string(),
  email: z.string().nullable(),
  /** The Pulau account she signs with; null for staff without one (they sign through a one-time link). */
  account: z.object({ userId: Id, email: z.string(), name: z.string() }).nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Employee = z.infer<typeof Employee>;

export const EmployeeList = z.object({ employees: z.array(Employee) });
export const UnitIdParams = z.object({ unitId: Id });

const Name = z.string().trim().min(1, 'REQUIRED').max(200, 'TOO_LONG');
/** 18 digits; spaces and dots between its parts are dropped. Empty = none (contract staff). */
const Nip = z
  .string()
  .transform((v) => v.replace(/[\s.\-']/g, ''))
  .pipe(z.union([z.literal(''), z.string().regex(/^\d{18}$/, 'NIP_INVALID')]))
  .transform((v) => (v === '' ? null : v));
const OptionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.union([z.literal(''), z.email({ error: 'EMAIL_INVALID' })]))
  .transform((v) => (v === '' ? null : v));

export const CreateEmployeeBody = z.object({
  name: Name,
  nip: Nip.prefault(''),
  position: z.string().trim().max(200).default(''),
  grade: z.string().trim().max(100).default(''),
  email: OptionalEmail.prefault(''),
  /** Link to the existing Pulau account with this e-mail; empty = no account. */
  accountEmail: OptionalEmail.prefault(''),
});
export type CreateEmployeeBody = z.infer<typeof CreateEmployeeBody>;

export const UpdateEmployeeBody = z.object({
  version: Version,
  name: Name.optional(),
  nip: Nip.optional(),
  position: z.string().trim().max(200).optional(),
  grade: z.string().trim().max(100).optional(),
  email: OptionalEmail.optional(),
  /** An e-mail links that account, empty unlinks; absent leaves the link as it is. */
  accountEmail: OptionalEmail.optional(),
  /** false deactivates (she left); her signatures stay. */
  active: z.boolean().optional(),
});
export type UpdateEmployeeBody = z.infer<typeof UpdateEmployeeBody>;

export const ImportEmployeesBody = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** CSV as text, XLSX as base64. */
  content: z.string().min(1).max(3_000_000),
});
export type ImportEmployeesBody = z.infer<typeof ImportEmployeesBody>;

export const ImportEmployeesResult = z.object({
  created: z.number().int(),
  /** Rows whose e-mail matched an existing account, linked at once. */
  linked: z.number().int(),
});
