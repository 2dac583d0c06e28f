import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { RuleResult } from '../../../core/lke/check-predicates.ts';
import type { NodeScore } from '../../../core/lke/score-assessment.ts';
import type { LevelId } from '../../../core/review/answer-levels.ts';
import { formatId, mul, ratio } from '../../../core/shared/exact.ts';
import { formatDateId } from '../../render/format.ts';
import type { FilingStamp } from '../../documents/file-document.ts';
import { stampBlock } from '../../documents/kit/official-document.ts';
import type { LheData } from './lhe-data.ts';

const HEAD_FILL = '#E8EEF4';
const FAIL = '#B3261E';
const MUTED = '#555555';

const th = (text: string): TableCell => ({ text, bold: true, fillColor: HEAD_FILL });
const num = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
  text,
  alignment: 'right',
  ...extra,
});
const table = (widths: (string | number)[], body: TableCell[][], headerRows = 1): Content => ({
  table: { headerRows, widths, body, dontBreakRows: true },
  layout: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#99A5B1',
    vLineColor: () => '#99A5B1',
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
  margin: [0, 4, 0, 8],
});
const heading = (text: string): Content => ({ text, style: 'h2' });

/** The level's name in the report's language. @example levelLabel('tpi:team_lead') // 'TPI — tahap team_lead' */
export const levelLabel = (level: LevelId): string => {
  if (level === 'unit') return 'Penilaian mandiri unit kerja';
  if (level === 'preliminary') return 'Penilaian pendahuluan';
  if (level === 'tpn_desk') return 'TPN — desk evaluasi';
  if (level === 'tpn_field') return 'TPN — evaluasi lapangan';
  return `TPI — tahap ${level.slice('tpi:'.length)}`;
};

const STATUS_LABEL: Record<string, string> = {
  returned: 'dikembalikan',
  awaiting_recheck: 'menunggu pemeriksaan ulang',
  open: 'selesai',
};

const scoreRow = (name: string, s: NodeScore): TableCell[] => [
  name,
  num(formatId(s.score, 2)),
  num(formatId(s.weight, 2)),
  num(`${formatId(mul(s.percent, ratio(100)), 2)} %`),
];

const ruleRow = (r: RuleResult): TableCell[] => [
  r.text ?? r.id,
  num(formatId(r.required, 2)),
  num(formatId(r.actual, 2)),
  { text: r.pass ? 'Memenuhi' : 'Tidak memenuhi', color: r.pass ? undefined : FAIL, bold: !r.pass },
];

/**
 * The evaluation report (Laporan Hasil Evaluasi) of one level: identity; the total and each component against
 * its weight; each area against its minimum for the target predicate; the §4.1 rules, the failing ones first
 * in their own list; the reviewer's notes per item; the items returned for revision.
 */
export const lheDocument = (
  d: LheData,
  printedAt: Date,
  stamp?: FilingStamp & { origin: string },
): TDocumentDefinitions => {
  const s = d.score;
  const label = levelLabel(d.level);
  const eligible = d.failing.length === 0;

  const identity = table(
    [150, '*'],
    [
      [th('Unit kerja'), `${d.unit.name} (${d.unit.code})`],
      [th('Periode'), `${d.period.name} (${d.period.year})`],
      [th('Predikat yang dituju'), `Menuju ${d.target}`],
      [th('Tingkat evaluasi'), label],
      [th('Status penilaian'), d.status],
    ],
    0,
  );

  const components = table(
    ['*', 70, 70, 70],
    [
      [th('Komponen'), th('Nilai'), th('Bobot'), th('Capaian')],
      scoreRow('Nilai total', s.total),
      scoreRow('Pengungkit', s.pengungkit),
      scoreRow('— Pemenuhan', s.pemenuhan),
      scoreRow('— Reform', s.reform),
      scoreRow('Hasil', s.hasil),
      ...s.hasilParts.filter((p) => !p.code.includes('.')).map((p) => scoreRow(`— ${p.code}`, p.score)),
    ],
  );

  const areas = table(
    ['*', 55, 55, 55, 70, 60],
    [
      [th('Area'), th('Pemenuhan'), th('Reform'), th('Total'), th(`Minimum ${d.target}`), th('Keterangan')],
      ...s.areas.map((a): TableCell[] => {
        const rules = d.areaRules.get(a.number) ?? [];
        const pass = rules.every((r) => r.pass);
        return [
          `${a.number}. ${a.name}`,
          num(formatId(a.pemenuhan.score, 2)),
          num(formatId(a.reform.score, 2)),
          num(formatId(a.total.score, 2)),
          num(rules.map((r) => formatId(r.required, 2)).join(' / ') || '–'),
          rules.length === 0
            ? '–'
            : { text: pass ? 'Memenuhi' : 'Tidak memenuhi', color: pass ? undefined : FAIL, bold: !pass },
        ];
      }),
    ],
  );

  const ruleTable = table(
    ['*', 60, 60, 80],
    [[th('Syarat'), th('Minimum'), th('Capaian'), th('Hasil')], ...d.rules.map(ruleRow)],
  );
  const failing: Content =
    d.failing.length === 0
      ? { text: `Semua syarat nilai Menuju ${d.target} terpenuhi pada tingkat ini.`, margin: [0, 0, 0, 6] }
      : {
          ul: d.failing.map(
            (r) => `${r.text ?? r.id}: ${formatId(r.actual, 2)} < ${formatId(r.required, 2)}`,
          ),
          color: FAIL,
          margin: [0, 0, 0, 6],
        };

  const name = (code: string) => d.itemNames.get(code) ?? '';
  const notes: Content =
    d.notes.length === 0
      ? { text: 'Tidak ada catatan pada tingkat ini.', color: MUTED, margin: [0, 0, 0, 6] }
      : table(
          [60, '*', 50, '*'],
          [
            [th('Kode'), th('Butir'), th('Jawaban'), th('Catatan')],
            ...d.notes.map((n): TableCell[] => [
              n.code,
              { text: name(n.code), fontSize: 8 },
              n.value,
              n.note,
            ]),
          ],
        );
  const returned: Content =
    d.returned.length === 0
      ? { text: 'Tidak ada butir yang dikembalikan pada tingkat ini.', color: MUTED, margin: [0, 0, 0, 6] }
      : table(
          [60, '*', 80, 45],
          [
            [th('Kode'), th('Catatan pengembalian'), th('Status'), th('Revisi')],
            ...d.returned.map((r): TableCell[] => [
              r.code,
              r.note,
              STATUS_LABEL[r.status] ?? r.status,
              num(String(r.revisions)),
            ]),
          ],
        );

  const title = `Laporan Hasil Evaluasi Zona Integritas — ${d.unit.name} — ${d.period.year}`;
  return {
    info: { title, creator: 'Pulau', producer: 'Pulau' },
    pageMargins: [50, 50, 50, 50],
    styles: {
      h1: { fontSize: 15, bold: true, alignment: 'center' },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      sub: { fontSize: 11, alignment: 'center', color: MUTED },
    },
    content: [
      { text: 'LAPORAN HASIL EVALUASI (LHE)', style: 'h1' },
      { text: `Pembangunan Zona Integritas — ${label}`, style: 'sub', margin: [0, 2, 0, 10] },
      identity,
      heading('I. Nilai per komponen'),
      components,
      {
        text: [
          'Kesimpulan: ',
          {
            text: eligible
              ? `memenuhi syarat nilai Menuju ${d.target}`
              : `belum memenuhi syarat nilai Menuju ${d.target}`,
            bold: true,
            color: eligible ? undefined : FAIL,
          },
          ` (kelengkapan ${s.completeness.answered}/${s.completeness.total} butir).`,
        ],
        margin: [0, 0, 0, 6],
      },
      heading('II. Nilai per area terhadap minimum'),
      areas,
      heading('III. Syarat nilai (PermenPANRB 90/2021 Lampiran II Bab III)'),
      ruleTable,
      { text: 'Syarat yang tidak terpenuhi:', bold: true },
      failing,
      heading('IV. Catatan per butir'),
      notes,
      heading('V. Butir yang dikembalikan untuk perbaikan'),
      returned,
      stamp
        ? stampBlock(stamp)
        : { text: `Dicetak ${formatDateId(printedAt)} oleh Pulau.`, color: MUTED, margin: [0, 12, 0, 0] },
    ],
    footer: (page, pages) => ({
      columns: [
        { width: '*', text: title, fontSize: 8, color: MUTED },
        { width: 60, text: `${page}/${pages}`, alignment: 'right', fontSize: 8, color: MUTED },
      ],
      margin: [50, 10, 50, 0],
    }),
  };
};
