import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires, readQuestionnaireFile } from './questionnaire-store.ts';

describe('templates/surveys', () => {
  it('loads skm, ipak and ipkp, each valid, with the profile and screening the regulation asks for', async () => {
    const r = await loadQuestionnaires();
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.keys()]).toEqual(['ipak', 'ipkp', 'skm']);
    for (const q of r.value.values()) {
      expect(q.profile.map((f) => f.code)).toEqual([
        'usia',
        'jenis_kelamin',
        'pendidikan',
        'pekerjaan',
        'layanan',
      ]);
      expect(q.screening.options.filter((o) => o.eligible).map((o) => o.value)).toEqual(['sudah']);
    }
    const scored = (id: string) =>
      r.value
        .get(id)!
        .questions.filter((q) => q.type === 'scale')
        .map((q) => q.code);
    expect(scored('skm')).toEqual([
      'persyaratan',
      'prosedur',
      'waktu',
      'biaya',
      'produk',
      'kompetensi',
      'perilaku',
      'pengaduan',
      'sarana',
    ]);
    expect(scored('ipak')).toEqual(['diskriminasi', 'kecurangan', 'imbalan', 'percaloan', 'pungli']);
    expect(scored('ipkp')).toHaveLength(8);
    expect(r.value.get('ipak')?.lke?.item).toBe('H1.a');
    expect(r.value.get('ipkp')?.lke?.item).toBe('H2.a');
  });

  it('names the file and the path of a bad template', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pulau-survey-'));
    await writeFile(
      path.join(dir, 'bad.yaml'),
      'id: bad\nversion: "1"\nkind: skm\ntitle: { id: SKM, en: PSS }\n',
    );
    const r = await readQuestionnaireFile(path.join(dir, 'bad.yaml'));
    expect(!r.ok && r.error.code).toBe('survey_questionnaire_invalid');
    expect(!r.ok && r.error.message).toMatch(/^bad\.yaml: .*basis/);
    await writeFile(path.join(dir, 'bad.yaml'), 'id: [unclosed\n');
    const r2 = await readQuestionnaireFile(path.join(dir, 'bad.yaml'));
    expect(!r2.ok && r2.error.code).toBe('survey_template_unreadable');
  });
});
