import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import type { AreaNumber, Role } from '../../../core/org/roles.ts';
import type { UnitType } from '../../../contracts/units.ts';
import { temporaryPassword } from '../auth/passwords.ts';
import { createUnit } from '../units/create-unit.ts';
import type { UnitRow } from '../units/repo.ts';
import { createUser } from '../users/create-user.ts';
import { addGrant } from '../users/add-grant.ts';
import { createPeriod } from '../periods/create-period.ts';
import { createAssessment } from '../assessments/create-assessment.ts';
import { saveAnswer } from '../assessments/save-answer.ts';
import { loadLkeTemplate } from '../../lke/load-lke-template.ts';

export type DemoAccount = { email: string; password: string; role: string; unit: string };

const actor = { id: null, label: 'demo', ip: null };
const SYSTEM = { userId: 'demo', isSystemAdmin: true, grants: [] };

/**
 * A realistic demo: KPU RI → KPU Provinsi Jawa Timur → KPU Kabupaten Sumenep and Bawaslu RI → Bawaslu Provinsi
 * Banten, one account per role with a random password (returned once), a 2026 period and Sumenep's
 * assessment half filled. Refuses a database that already has users.
 */
export const loadDemo = async (db: Db, now: Date): Promise<DemoAccount[]> => {
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((count?.n ?? 0) > 0)
    throw new Error('the database already has users; the demo loads only into an empty one');
  const template = await loadLkeTemplate('permenpanrb-90-2021');
  if (!template.ok) throw new Error(template.error.message);
  return db.transaction(async (tx) => {
    const unit = (
      parent: UnitRow | null,
      code: string,
      name: string,
      type: UnitType,
      region: string,
      isPublicService = true,
    ) =>
      createUnit(tx, {
        input: { parentId: parent?.id ?? null, code, name, type, region, isPublicService, afirmasi: false },
        actor,
        now,
      });
    const kpu = await unit(
      null,
      'KPU',
      'Komisi Pemilihan Umum Republik Indonesia',
      'instansi',
      'DKI Jakarta',
      false,
    );
    const jatim = await unit(kpu, 'KPU-JATIM', 'KPU Provinsi Jawa Timur', 'provinsi', 'Jawa Timur');
    const sumenep = await unit(
      jatim,
      'KPU-SUMENEP',
      'KPU Kabupaten Sumenep',
      'kabupaten_kota',
      'Kabupaten Sumenep',
    );
    await unit(jatim, 'KPU-SURABAYA', 'KPU Kota Surabaya', 'kabupaten_kota', 'Kota Surabaya');
    const bawaslu = await unit(
      null,
      'BAWASLU',
      'Badan Pengawas Pemilihan Umum Republik Indonesia',
      'instansi',
      'DKI Jakarta',
      false,
    );
    const banten = await unit(bawaslu, 'BAWASLU-BANTEN', 'Bawaslu Provinsi Banten', 'provinsi', 'Banten');
    await unit(banten, 'BAWASLU-SERANG', 'Bawaslu Kota Serang', 'kabupaten_kota', 'Kota Serang');

    const accounts: DemoAccount[] = [];
    const account = async (
      email: string,
      name: string,
      home: UnitRow,
      grant: { role: Role; unit: UnitRow; area?: AreaNumber } | 'system_admin',
    ) => {
      const password = temporaryPassword(16);
      const { user } = await createUser(tx, {
        input: { email, name, homeUnitId: home.id, password },
        actor,
        now,
      });
      if (grant === 'system_admin') {
        await tx
          .update(users)
          .set({ isSystemAdmin: true })
          .where(sql`${users.id} = ${user.id}`);
      } else {
        await addGrant(tx, {
          userId: user.id,
          input: { unitId: grant.unit.id, role: grant.role, area: grant.area ?? null },
          who: SYSTEM,
          actor,
          now,
        });
      }
      accounts.push({
        email,
        password,
        role:
          grant === 'system_admin'
            ? 'system_admin'
            : `${grant.role}${grant.area ? ` (area ${grant.area})` : ''}`,
        unit: grant === 'system_admin' ? '—' : grant.unit.name,
      });
      return user;
    };
    await account('admin@pulau.demo', 'Administrator Sistem', kpu, 'system_admin');
    await account('admin.kpu@pulau.demo', 'Rahmat Hidayat', kpu, { role: 'agency_admin', unit: kpu });
    const lead = await account('ketua.tim@sumenep.demo', 'Siti Aminah', sumenep, {
      role: 'zi_team_lead',
      unit: sumenep,
    });
    await account('koordinator.area2@sumenep.demo', 'Moh. Fauzi', sumenep, {
      role: 'area_coordinator',
      unit: sumenep,
      area: 2,
    });
    await account('anggota.area2@sumenep.demo', 'Nur Laila', sumenep, {
      role: 'team_member',
      unit: sumenep,
      area: 2,
    });
    await account('pimpinan@sumenep.demo', 'A. Warits', sumenep, { role: 'leader', unit: sumenep });
    await account('pimpinan@jatim.demo', 'Choirul Anam', jatim, { role: 'leader', unit: jatim });
    await account('tpi@kpu.demo', 'Inspektorat Utama KPU', kpu, { role: 'tpi_evaluator', unit: kpu });
    await account('tpn@pulau.demo', 'Tim Penilai Nasional', kpu, { role: 'tpn_evaluator', unit: kpu });
    await account('admin.bawaslu@pulau.demo', 'Dewi Kartika', bawaslu, {
      role: 'agency_admin',
      unit: bawaslu,
    });

    const period = await createPeriod(tx, {
      input: {
        agencyId: kpu.id,
        year: 2026,
        name: 'Penilaian Mandiri Zona Integritas 2026',
        templateId: 'permenpanrb-90-2021',
        fillFrom: '2026-02-01',
        fillUntil: '2026-04-30',
        reviewFrom: '2026-05-01',
        reviewUntil: '2026-05-20',
        revisionFrom: '2026-05-21',
        revisionUntil: '2026-05-31',
        requireAllAnswered: true,
        requireExplanation: true,
        requireEvidence: true,
      },
      actor,
      now,
    });
    const { assessment } = await createAssessment(tx, {
      input: {
        periodId: period.id,
        unitId: sumenep.id,
        target: 'WBK',
        alreadyWbk: false,
        carryFromPrevious: false,
      },
      actor,
      now,
    });
    // Half of the Pengungkit items answered, a realistic mid-season worksheet: mostly good, some gaps.
    const leadActor = { id: lead.id, label: lead.email, ip: null };
    let n = 0;
    for (const item of template.value.items) {
      if (item.code.startsWith('H') || n++ % 2 === 1 || item.type === 'ratio' || item.type === 'index_0_4')
        continue;
      const option = item.options[n % 5 === 0 ? 1 : 0];
      if (!option) continue;
      await saveAnswer(tx, {
        assessmentId: assessment.id,
        code: item.code,
        input: {
          version: 0,
          value: option.key,
          explanation: `Telah dilaksanakan; lihat data dukung ${item.code}.`,
        },
        actor: leadActor,
        now,
      });
    }
    return accounts;
  });
};
