import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  createTestApp,
  logInAs,
  seedOrg,
  type Client,
  type TestApp,
} from '../../../../test/support/test-app.ts';
import { tusClient, uploadIdOf, type TusAuth, type TusClient } from '../../../../test/support/tus-client.ts';
import { assessments, periods } from '../../db/schema.ts';

/** A test app on a real loopback socket (tus needs streaming bodies) with its own data folder. */
export const startEvidenceApp = async (env: Record<string, string> = {}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulau-evidence-'));
  const t: TestApp = await createTestApp({ PULAU_DATA_DIR: dataDir, ...env });
  const org = await seedOrg(t.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const tus = (client: TusAuth | null): TusClient => tusClient(base, client);
  return {
    t,
    org,
    base,
    dataDir,
    tus,
    logIn: (email: string) => logInAs(t.app, email),
    /** Uploads bytes through tus and returns the upload id (asserting nothing). */
    upload: async (client: Client, bytes: Uint8Array, filename: string, unitId = org.sumenep.id) => {
      const { location, last } = await tus(client).upload(bytes, { unitId, filename });
      return { uploadId: uploadIdOf(location), last };
    },
    /** A period of the unit's agency and a draft assessment of the unit, inserted directly. */
    seedAssessment: async (unitId: string, agencyId: string, year: number, status = 'draft') => {
      const periodId = randomUUID();
      const id = randomUUID();
      await t.db.insert(periods).values({
        id: periodId,
        agencyId,
        year,
        name: `ZI ${year}`,
        templateId: 'permenpanrb-90-2021',
        templateVersion: '1.0.0',
        fillFrom: `${year}-01-01`,
        fillUntil: `${year}-12-31`,
      });
      await t.db.insert(assessments).values({ id, periodId, unitId, target: 'WBK', status });
      return id;
    },
    close: async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type EvidenceApp = Awaited<ReturnType<typeof startEvidenceApp>>;
