import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { employees, roleGrants, users } from '../../db/schema.ts';

/** Who signs a block: the name and NIP as printed (null where the person has none on record). */
export type Signer = { name: string | null; nip: string | null };

/** A user's printed name and NIP: the employee record linked to her account in the unit carries the NIP. */
export const signerOfUser = async (tx: Tx, userId: string | null, unitId: string): Promise<Signer> => {
  if (!userId) return { name: null, nip: null };
  const [row] = await tx
    .select({ name: users.name, employeeName: employees.name, nip: employees.nip })
    .from(users)
    .leftJoin(employees, and(eq(employees.userId, users.id), eq(employees.unitId, unitId)))
    .where(eq(users.id, userId));
  return row ? { name: row.employeeName ?? row.name, nip: row.nip } : { name: null, nip: null };
};

/** The unit's leader (the first holder of its leader role), or a blank block to sign by hand. */
export const unitLeader = async (tx: Tx, unitId: string): Promise<Signer> => {
  const [grant] = await tx
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.unitId, unitId), eq(roleGrants.role, 'leader')))
    .orderBy(asc(roleGrants.createdAt))
    .limit(1);
  return signerOfUser(tx, grant?.userId ?? null, unitId);
};
