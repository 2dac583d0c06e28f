import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { loadDemo } from '../../server/features/demo/load-demo.ts';
import { startServer } from '../../server/main.ts';
import { action } from '../with-database.ts';

export const registerDemoCommand = (program: Command) => {
  program
    .command('demo')
    .description(
      'Load the demo (KPU and Bawaslu, one account per role) into an empty database, print the passwords once, and serve',
    )
    .option('--no-serve', 'load the demo and exit')
    .action(
      action(async (opts: { serve: boolean }) => {
        const config = loadConfig();
        const server = await startServer(config);
        try {
          const accounts = await loadDemo(server.database.db, new Date());
          // One clear block at the very end, so the passwords do not scroll away among other output.
          const width = Math.max(...accounts.map((a) => a.email.length));
          const lines = accounts.map(
            (a) => `  ${a.email.padEnd(width)}  ${a.password}  ${a.role} — ${a.unit}`,
          );
          const rule = '='.repeat(Math.min(100, Math.max(40, ...lines.map((l) => l.length))));
          process.stdout.write(
            [
              '',
              rule,
              '  Demo loaded. These passwords are shown only now:',
              rule,
              ...lines,
              rule,
              ...(opts.serve ? [`  Pulau: http://localhost:${config.port}`, rule] : []),
              '',
            ].join('\n'),
          );
        } catch (error) {
          process.stdout.write(`\nDemo not loaded: ${(error as Error).message}.\n`);
          if (opts.serve) process.stdout.write(`\nPulau: http://localhost:${config.port}\n`);
        }
        if (!opts.serve) await server.stop();
      }),
    );
};
