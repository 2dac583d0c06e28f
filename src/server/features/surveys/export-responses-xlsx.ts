import { loadExcelJs } from '../../render/load-exceljs.ts';
import { QUALITY_FLAGS } from '../../../core/survey/quality.ts';
import { styleHeaderRow, fitColumns } from '../../render/xlsx.ts';
import type { Tx } from '../../db/client.ts';
import { labelOf } from './export-responses-csv.ts';
import { servicesOf } from './present-campaign.ts';
import { FLAG_LABELS, SAMPLING_LABELS } from './report-labels.ts';
import { SURVEY_TITLES, type ReportData } from './report-data.ts';
import { listResponses } from './repo.ts';

/**
 * The responses as a workbook: "Respon" (one row per response, each answer as code and Indonesian label),
 * "Ringkasan" (the results route's figures as values — exceljs writes no formula results, so nothing is
 * left for Excel to compute) and "Kamus" (every code with its text).
 */
export const exportResponsesXlsx = async (db: Tx, data: ReportData): Promise<Buffer> => {
  const { campaign, questionnaire: q, results: r, unit } = data;
  const services = new Map(servicesOf(campaign).map((s) => [s.code, s.name]));
  const rows = await listResponses(db, campaign.id);
  const excluded = new Set<string>(r.excludeFlags);

  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'Pulau';
  wb.created = new Date(0);

  // --- Respon -------------------------------------------------------------------------------------------
  const sheet = wb.addWorksheet('Respon', { views: [{ state: 'frozen', ySplit: 1 }] });
  const profileCodes = q.profile.map((f) => f.code);
  const questions = q.questions;
  const header: string[] = ['response_id', 'created_at', q.screening.code, `${q.screening.code}_label`];
  for (const c of profileCodes) header.push(c, `${c}_label`);
  for (const qq of questions)
    header.push(...(qq.type === 'text' ? [qq.code] : [qq.code, `${qq.code}_label`]));
  header.push('duration_seconds', 'flags', 'included_in_index');
  sheet.addRow(header);
  for (const row of rows) {
    const profile = row.profile as Record<string, unknown>;
    const answers = row.answers as Record<string, unknown>;
    const flags = row.flags as string[];
    const cells: unknown[] = [
      row.id,
      row.createdAt,
      row.screening,
      q.screening.options.find((o) => o.value === row.screening)?.text.id ?? '',
    ];
    for (const c of profileCodes) cells.push(profile[c] ?? null, labelOf(q, c, profile[c], services) ?? null);
    for (const qq of questions) {
      const v = answers[qq.code];
      const value = v === undefined ? null : Array.isArray(v) ? v.join('|') : v;
      if (qq.type === 'text') cells.push(value);
      else cells.push(value, v === undefined ? null : (labelOf(q, qq.code, v, services) ?? null));
    }
    cells.push(row.durationSeconds, flags.join('|'), flags.some((f) => excluded.has(f)) ? 'tidak' : 'ya');
    sheet.addRow(cells);
  }
  sheet.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm';
  styleHeaderRow(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  fitColumns(sheet, { min: 8, max: 40 });

  // --- Ringkasan ----------------------------------------------------------------------------------------
  const sum = wb.addWorksheet('Ringkasan');
  sum.columns = [
    { key: 'a', width: 34 },
    { key: 'b', width: 22 },
    { key: 'c', width: 14 },
    { key: 'd', width: 14 },
    { key: 'e', width: 14 },
    { key: 'f', width: 16 },
    { key: 'g', width: 10 },
  ];
  const title = SURVEY_TITLES[q.kind];
  const add = (label: string, value: unknown, numFmt?: string) => {
    const added = sum.addRow([label, value]);
    added.getCell(1).font = { bold: true };
    if (numFmt) added.getCell(2).numFmt = numFmt;
  };
  sum.addRow([title.title]).font = { bold: true, size: 13 };
  add('Unit', unit.name);
  add('Kode unit', unit.code);
  add('Periode', campaign.periodLabel);
  add('Pelaksanaan', `${campaign.startsOn} s.d. ${campaign.endsOn}`);
  add('Kuesioner', `${q.id} ${q.version}`);
  add('Metode sampel', SAMPLING_LABELS[campaign.samplingMethod] ?? campaign.samplingMethod);
  add('Target sampel', r.sample.target);
  add('Sampel tercapai (n)', r.n);
  add('Respon diterima', r.responses.total);
  add('Respon disertakan', r.responses.included);
  add('Respon dikecualikan (ditandai)', r.responses.excluded);
  for (const f of QUALITY_FLAGS) add(`  ditandai: ${FLAG_LABELS[f]}`, r.responses.flagged[f]);
  add('Indeks (skala butir)', r.index, '0.0000');
  add('Indeks termasuk respon ditandai', r.indexIncludingFlagged, '0.0000');
  add('Margin of error 95 % (skala butir)', r.marginOfError, '0.0000');
  add('Selang kepercayaan 95 % — bawah', r.ci?.[0] ?? null, '0.0000');
  add('Selang kepercayaan 95 % — atas', r.ci?.[1] ?? null, '0.0000');
  if (r.ikm) {
    add('IKM (1–4)', r.ikm.value, '0.0000');
    add('IKM konversi (25–100)', r.ikm.convertedRounded, '0.00');
    add('Mutu pelayanan', r.ikm.grade);
    add('Kinerja unit pelayanan', r.ikm.performance.id);
    add('Margin of error 95 % (IKM konversi)', r.ikm.marginOfError, '0.00');
    add('Selang kepercayaan 95 % IKM — bawah', r.ikm.ci?.[0] ?? null, '0.00');
    add('Selang kepercayaan 95 % IKM — atas', r.ikm.ci?.[1] ?? null, '0.00');
  }
  if (r.lke) {
    add(`Nilai LKE ${r.lke.item} (0–4)`, r.lke.value, '0.00');
    add('Margin of error 95 % (nilai LKE)', r.lke.marginOfError, '0.0000');
    add('Batas bawah satu sisi 95 % (nilai LKE)', r.lke.oneSidedLowerBound, '0.0000');
  }
  sum.addRow([]);
  const itemsHeader = sum.addRow(['Unsur', 'Kode', 'n', 'Jumlah nilai', 'NRR', 'NRR tertimbang', 'Mutu']);
  itemsHeader.font = { bold: true };
  for (const it of data.items) {
    const added = sum.addRow([it.aspect, it.code, it.n, it.sum, it.nrr, it.weighted, it.grade]);
    added.getCell(5).numFmt = '0.0000';
    added.getCell(6).numFmt = '0.0000';
  }
  sum.addRow([]);
  const svcHeader = sum.addRow(['Layanan', 'Kode', 'Populasi (N)', 'Target', 'Tercapai']);
  svcHeader.font = { bold: true };
  for (const s of r.services)
    sum.addRow([s.name, s.code, s.population, s.progress.target, s.progress.achieved]);

  // --- Kamus --------------------------------------------------------------------------------------------
  const dict = wb.addWorksheet('Kamus', { views: [{ state: 'frozen', ySplit: 1 }] });
  dict.addRow(['Kode', 'Bagian', 'Teks', 'Nilai dan label']);
  const options = (opts: readonly { value: unknown; text: { id: string } }[]) =>
    opts.map((o) => `${String(o.value)} = ${o.text.id}`).join('; ');
  dict.addRow(['response_id', 'Respon', 'Nomor respon (acak)', '']);
  dict.addRow(['created_at', 'Respon', 'Waktu respon diterima', '']);
  dict.addRow([q.screening.code, 'Penyaring', q.screening.text.id, options(q.screening.options)]);
  for (const f of q.profile)
    dict.addRow([
      f.code,
      'Profil',
      f.text.id,
      'options' in f ? options(f.options) : [...services].map(([c, n]) => `${c} = ${n}`).join('; '),
    ]);
  for (const qq of questions)
    dict.addRow([
      qq.code,
      qq.type === 'scale' ? `Unsur: ${qq.aspect.id}` : 'Pertanyaan',
      qq.text.id,
      qq.type === 'text' ? '(teks bebas)' : options(qq.options),
    ]);
  dict.addRow(['duration_seconds', 'Respon', 'Lama pengisian (detik)', '']);
  dict.addRow([
    'flags',
    'Respon',
    'Tanda mutu respon',
    QUALITY_FLAGS.map((f) => `${f} = ${FLAG_LABELS[f]}`).join('; '),
  ]);
  dict.addRow(['included_in_index', 'Respon', 'Disertakan dalam indeks', 'ya; tidak']);
  styleHeaderRow(dict);
  dict.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  dict.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  dict.columns.forEach((c, i) => (c.width = [22, 24, 60, 60][i] ?? 20));

  return Buffer.from(await wb.xlsx.writeBuffer());
};
