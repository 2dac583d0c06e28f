import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.ts';

/**
 * Heavy, rarely used modules load on first use, not at start (issue 14): each is replaced by a module that
 * fails when evaluated, so importing the server and building its mailer and S3 store must not touch them,
 * and the first use must.
 */
// vi.mock is hoisted above the imports; its helper must be too.
const { loaded, refuse } = vi.hoisted(() => {
  const names: string[] = [];
  return {
    loaded: names,
    refuse: (name: string) => () => {
      names.push(name);
      throw new Error(`${name} loaded`);
    },
  };
});
vi.mock('exceljs', refuse('exceljs'));
vi.mock('nodemailer', refuse('nodemailer'));
vi.mock('@aws-sdk/client-s3', refuse('@aws-sdk/client-s3'));
vi.mock('@aws-sdk/lib-storage', refuse('@aws-sdk/lib-storage'));

describe('heavy modules are loaded on first use', () => {
  it('the server, its routes, its jobs, its mailer and its S3 store start without them', async () => {
    const { startServer } = await import('./main.ts');
    const { allRoutes } = await import('./http/route-table.ts');
    const { openBlobStore } = await import('./storage/open-blob-store.ts');
    const { createMailer } = await import('./mail/mailer.ts');
    expect(startServer).toBeTypeOf('function');
    expect(loaded).toEqual([]);
    expect(allRoutes).toBeTypeOf('function');
    const config = loadConfig({
      PULAU_STORAGE: 's3',
      PULAU_S3_BUCKET: 'pulau',
      PULAU_S3_REGION: 'us-east-1',
    });
    const store = openBlobStore(config);
    expect(store.kind).toBe('s3');
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'pulau@example.test' });

    // First use: the module is needed now (here it refuses, proving the import happens at this point).
    expect(loaded).toEqual([]);
    await expect(store.exists('0'.repeat(64))).rejects.toThrow();
    await expect(mailer.send({ to: 'a@example.test', subject: 's', text: 't' })).rejects.toThrow();
    const { readXlsx } = await import('./features/employees/read-sheet.ts');
    await expect(readXlsx(Buffer.from('x'))).rejects.toThrow();
    expect(new Set(loaded)).toEqual(new Set(['@aws-sdk/client-s3', 'nodemailer', 'exceljs']));
  });
});
