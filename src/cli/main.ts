import { Command } from 'commander';
import { registerServeCommands } from './commands/serve.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerUnitCommands } from './commands/unit.ts';
import { registerUserCommands } from './commands/user.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerScoresCommands } from './commands/scores.ts';

const program = new Command('pulau')
  .description('Pulau — Zona Integritas (WBK/WBBM): programme, LKE, evaluation, surveys')
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

registerServeCommands(program);
registerBackupCommands(program);
registerAuditCommands(program);
registerUnitCommands(program);
registerUserCommands(program);
registerDemoCommand(program);
registerScoresCommands(program);

const optional = async (path: string, name: string) => {
  // Commands of features still being built are registered when their file exists.
  try {
    const mod = (await import(path)) as Record<string, (p: Command) => void>;
    mod[name]?.(program);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
};
await optional('./commands/score.ts', 'registerScoreCommand');
await optional('./commands/template.ts', 'registerTemplateCommand');

await program.parseAsync(process.argv);
