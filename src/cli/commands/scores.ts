import type { Command } from 'commander';
import { rebuildScores } from '../../server/features/scores/rebuild-scores.ts';
import { action, CliError, withDatabase } from '../with-database.ts';

export const registerScoresCommands = (program: Command) => {
  const scores = program.command('scores').description('The stored score figures the recap reads');
  scores
    .command('rebuild')
    .description(
      "Re-derive every assessment's stored figures from its answers and rewrite those that differ; with --check, only report them (exit 1 if any)",
    )
    .option('--check', 'compare only, write nothing')
    .action(
      action(async (opts: { check?: boolean }) => {
        const r = await withDatabase((d) => rebuildScores(d.db, { checkOnly: opts.check === true }));
        for (const u of r.unscorable)
          process.stderr.write(`pulau: assessment ${u.assessmentId}: ${u.reason}\n`);
        process.stdout.write(
          `${r.assessments} assessments, ${r.rows} score rows; ${r.differing.length} ${opts.check ? 'differ' : 'rewritten'}` +
            `${r.unscorable.length > 0 ? `; ${r.unscorable.length} not scorable` : ''}\n`,
        );
        if (opts.check && r.differing.length > 0)
          throw new CliError(`stored scores differ from the answers for: ${r.differing.join(', ')}`);
      }),
    );
};
