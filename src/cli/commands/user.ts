import type { Command } from 'commander';
import { isRole, type AreaNumber } from '../../core/org/roles.ts';
import { Email, Password } from '../../contracts/common.ts';
import { findUnitByCode } from '../../server/features/units/repo.ts';
import { createUser } from '../../server/features/users/create-user.ts';
import { addGrant } from '../../server/features/users/add-grant.ts';
import { users } from '../../server/db/schema.ts';
import { eq } from 'drizzle-orm';
import { action, CliError, withDatabase } from '../with-database.ts';

type Options = {
  email: string;
  name: string;
  unit: string;
  role?: string;
  area?: string;
  systemAdmin?: boolean;
  password?: string;
};

export const registerUserCommands = (program: Command) => {
  const user = program.command('user').description('Accounts');
  user
    .command('create')
    .description('Create an account (prints a temporary password once unless --password is given)')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--unit <code>', 'code of the home unit (e.g. KPU-SUMENEP)')
    .option(
      '--role <role>',
      'grant a role on the home unit: agency_admin, zi_team_lead, area_coordinator, team_member, leader, tpi_evaluator, tpn_evaluator',
    )
    .option('--area <n>', 'the area (1–6) for an area coordinator or team member')
    .option('--system-admin', 'make the account a system administrator')
    .option('--password <password>', 'set this password instead of a temporary one (10+ characters)')
    .action(
      action(async (opts: Options) => {
        const email = Email.safeParse(opts.email);
        if (!email.success) throw new CliError(`not an email: ${opts.email}`, 2);
        if (opts.password && !Password.safeParse(opts.password).success)
          throw new CliError('the password needs at least 10 characters', 2);
        if (opts.role && !isRole(opts.role)) throw new CliError(`unknown role ${opts.role}`, 2);
        const area = opts.area ? Number(opts.area) : null;
        if (area !== null && !(Number.isInteger(area) && area >= 1 && area <= 6))
          throw new CliError('--area takes 1 to 6', 2);
        if (opts.role === 'area_coordinator' && area === null) {
          throw new CliError('an area coordinator needs --area', 2);
        }
        const now = new Date();
        const actor = { id: null, label: 'cli', ip: null };
        const result = await withDatabase(({ db }) =>
          db.transaction(async (tx) => {
            const home = await findUnitByCode(tx, opts.unit);
            if (!home) throw new CliError(`no unit with code ${opts.unit}`, 2);
            const created = await createUser(tx, {
              input: {
                email: email.data,
                name: opts.name,
                homeUnitId: home.id,
                ...(opts.password ? { password: opts.password } : {}),
              },
              actor,
              now,
            });
            if (opts.systemAdmin)
              await tx.update(users).set({ isSystemAdmin: true }).where(eq(users.id, created.user.id));
            if (opts.role && isRole(opts.role)) {
              await addGrant(tx, {
                userId: created.user.id,
                input: { unitId: home.id, role: opts.role, area: (area as AreaNumber | null) ?? null },
                who: { userId: 'cli', isSystemAdmin: true, grants: [] },
                actor,
                now,
              });
            }
            return created;
          }),
        );
        process.stdout.write(
          `Created ${result.user.email}${opts.role ? ` as ${opts.role}` : ''} on ${opts.unit}.\n`,
        );
        if (result.temporaryPassword) {
          process.stdout.write(
            `Temporary password (shown once; to be changed at first login): ${result.temporaryPassword}\n`,
          );
        }
      }),
    );
};
