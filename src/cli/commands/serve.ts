import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { DataDirLockedError } from '../../server/db/lock.ts';
import { openConfiguredDatabase, startServer } from '../../server/main.ts';

const fail = (error: unknown): never => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`pulau: ${message}\n`);
  process.exit(error instanceof DataDirLockedError ? 3 : 1);
};

export const registerServeCommands = (program: Command) => {
  program
    .command('serve')
    .description('Start Pulau (embedded database in ./data unless DATABASE_URL is set; migrations run first)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .action(async (opts: { port?: string }) => {
      try {
        const config = loadConfig(opts.port ? { ...process.env, PORT: opts.port } : process.env);
        await startServer(config);
        const where =
          config.database.kind === 'embedded'
            ? `embedded database in ${config.database.dataDir}`
            : 'PostgreSQL';
        // Printed whatever the log level: the one line a person starting Pulau needs.
        process.stdout.write(
          `Pulau is running at http://localhost:${config.port} (${where}); PULAU_LOG_LEVEL=info shows each request.\n`,
        );
      } catch (error) {
        fail(error);
      }
    });

  program
    .command('migrate')
    .description('Apply the database migrations and exit')
    .action(async () => {
      try {
        const database = await openConfiguredDatabase(loadConfig());
        await database.close();
        process.stdout.write('Migrations applied.\n');
      } catch (error) {
        fail(error);
      }
    });
};
