import type { Command } from 'commander';
import { verifyAuditChain } from '../../server/features/audit/verify-audit-chain.ts';
import { action, CliError, withDatabase } from '../with-database.ts';

export const registerAuditCommands = (program: Command) => {
  const audit = program.command('audit').description('The audit trail');
  audit
    .command('verify')
    .description('Check the hash chain of the audit trail; reports the first broken link and exits 1 if any')
    .action(
      action(async () => {
        const result = await withDatabase((d) => verifyAuditChain(d.db));
        if (!result.ok && result.firstBroken) {
          throw new CliError(
            `audit chain BROKEN at record ${result.firstBroken.seq}: ${result.firstBroken.reason} (${result.checked} records before it are intact)`,
          );
        }
        process.stdout.write(`audit chain intact: ${result.checked} records verified\n`);
      }),
    );
};
