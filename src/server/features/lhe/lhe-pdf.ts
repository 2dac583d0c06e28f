import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { RuleResult } from '../../../core/lke/check-predicates.ts';
import type { NodeScore } from '../../../core/lke/score-assessment.ts';
import type { LevelId } from '../../../core/review/answer-levels.ts';
import { formatId, mul, ratio } from '../../../core/shared/exact.ts';
import { formatCountId, formatDateId, formatDateTimeId } from '../../render/format.ts';
import { heading, num, officialDocument, ruledTable, th } from '../../documents/kit/official-document.ts';
import { ACTION_WORDS, POSITION_WORDS, readable, STATUS_WORDS, wordsFor } from './lhe-labels.ts';
import type { LheInput } from './read-lhe.ts';
import type { FilingStamp } from '../../documents/file-document.ts';
import type { LheData } from './lhe-data.ts';

const FAIL = '#B3261E';
const MUTED = '#555555';

/** The level's name in the report's language. @example levelLabel('tpi:team_lead') // 'TPI — tahap Ketua Tim' */
export const levelLabel = (level: LevelId): string => {
  if (level === 'unit') return 'Penilaian mandiri unit kerja';
  if (level === 'preliminary') return 'Penilaian pendahuluan';
  if (level === 'tpn_desk') return 'TPN — desk evaluasi';
  if (level === 'tpn_field') return 'TPN — evaluasi lapangan';
  return `TPI — tahap ${wordsFor(POSITION_WORDS, level.slice('tpi:'.length))}`;
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

/** A rule's figure: a count of items (the completeness rule) as an integer, a score with two decimals. */
const figure = (r: RuleResult, x: RuleResult['actual']): string =>
  r.kind === 'complete' || r.kind === 'context' ? formatId(x, 0) : formatId(x, 2);

/** A rule in words; a per-area minimum names its area. */
const ruleText = (r: RuleResult, areaNames: Map<number, string>): string => {
  const base = r.text ?? readable(r.id);
  if (r.kind !== 'areaShare') return base;
  const area = Number(r.id.split('.')[1]);
  return `${base} — Area ${area}. ${areaNames.get(area) ?? ''}`;
};

const ruleRow = (r: RuleResult, areaNames: Map<number, string>): TableCell[] => [
  ruleText(r, areaNames),
  num(figure(r, r.required)),
  num(figure(r, r.actual)),
  { text: r.pass ? 'Memenuhi' : 'Tidak memenuhi', color: r.pass ? undefined : FAIL, bold: !r.pass },
];

/**
 * The evaluation report (Laporan Hasil Evaluasi) of one level: identity; the total and each component against
 * its weight; each area against its minimum for the target predicate; the §4.1 rules, the failing ones first
 * in their own list; the reviewer's notes per item; the items returned for revision.
 */
export const lheDocument = (
  d: LheData & { input: LheInput },
  printedAt: Date,
  stamp?: FilingStamp & { origin: string },
): TDocumentDefinitions => {
  const s = d.score;
  const label = levelLabel(d.level);
  const eligible = d.failing.length === 0;
  const { input } = d;
  const areaNames = new Map(s.areas.map((a) => [a.number, a.name]));
  const table = ruledTable;
  const evaluators: Content =
    input.evaluators.length === 0
      ? {
          text:
            d.level === 'unit'
              ? 'Penilaian mandiri oleh unit kerja.'
              : 'Belum ada evaluator yang ditugaskan.',
          color: MUTED,
        }
      : table(
          [20, '*', 130, '*'],
          [
            [th('No'), th('Nama'), th('NIP'), th('Kedudukan dalam tim')],
            ...input.evaluators.map((e, i): TableCell[] => [
              num(formatCountId(i + 1)),
              e.name,
              e.nip ?? '–',
              e.positions.map((p) => wordsFor(POSITION_WORDS, p)).join(', '),
            ]),
          ],
        );
  const decision: Content = input.decision
    ? {
        stack: [
          {
            text: [
              { text: wordsFor(ACTION_WORDS, input.decision.action), bold: true },
              ` oleh ${input.decision.by} pada ${formatDateTimeId(new Date(input.decision.at), input.look.timeZone)}.`,
            ],
          },
          ...(input.decision.note ? [{ text: `Catatan: ${input.decision.note}` }] : []),
          ...(input.decree
            ? [
                {
                  text: `Keputusan TPN nomor ${input.decree.number} tanggal ${formatDateId(input.decree.date)}.`,
                },
              ]
            : []),
        ],
        margin: [0, 0, 0, 6],
      }
    : { text: 'Belum ada keputusan pada tingkat ini.', color: MUTED, margin: [0, 0, 0, 6] };
  const ratios: Content =
    d.ratios.length === 0
      ? { text: 'Tidak ada butir rasio.', color: MUTED }
      : table(
          [55, '*', '*', 60],
          [
            [th('Kode'), th('Butir'), th('Masukan'), th('Rasio')],
            ...d.ratios.map((r): TableCell[] => [
              r.code,
              { text: r.text, fontSize: 8 },
              { stack: r.inputs.map((x) => `${x.text}: ${x.value}`), fontSize: 8 },
              num(r.share),
            ]),
          ],
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
    [[th('Syarat'), th('Minimum'), th('Capaian'), th('Hasil')], ...d.rules.map((r) => ruleRow(r, areaNames))],
  );
  const failing: Content =
    d.failing.length === 0
      ? { text: `Semua syarat nilai Menuju ${d.target} terpenuhi pada tingkat ini.`, margin: [0, 0, 0, 6] }
      : {
          ul: d.failing.map(
            (r) =>
              `${ruleText(r, areaNames)}: capaian ${figure(r, r.actual)} di bawah minimum ${figure(r, r.required)}`,
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
              num(formatCountId(r.revisions)),
            ]),
          ],
        );

  const tpn = d.level.startsWith('tpn_');
  const lead = input.evaluators.find((e) => e.positions.includes(d.level.slice('tpi:'.length)));
  const signature =
    d.level === 'unit'
      ? { position: input.look.leaderPosition, signer: input.leader }
      : {
          position: tpn
            ? 'Tim Penilai Nasional'
            : `${lead ? wordsFor(POSITION_WORDS, d.level.slice(4)) : 'Evaluator'} Tim Penilai Internal`,
          signer: lead ? { name: lead.name, nip: lead.nip } : { name: input.decision?.by ?? null, nip: null },
        };
  return officialDocument({
    look: input.look,
    title: ['LAPORAN HASIL EVALUASI', `PEMBANGUNAN ZONA INTEGRITAS MENUJU ${d.target}`],
    number: input.decree?.number ?? null,
    facts: [
      ['Unit kerja', d.unit.name],
      ['Periode', `${d.period.name} (${d.period.year})`],
      ['Predikat yang dituju', `Menuju ${d.target}`],
      ['Tingkat evaluasi', label],
      ['Status penilaian', wordsFor(STATUS_WORDS, d.status)],
    ],
    body: [
      heading('I. Tim evaluasi'),
      evaluators,
      heading('II. Keputusan tingkat ini'),
      decision,
      heading('III. Nilai per komponen'),
      components,
      {
        text: [
          'Kesimpulan nilai pada tingkat ini: ',
          {
            text: eligible
              ? `memenuhi syarat nilai Menuju ${d.target}`
              : `belum memenuhi syarat nilai Menuju ${d.target}`,
            bold: true,
            color: eligible ? undefined : FAIL,
          },
          ` (kelengkapan ${formatCountId(s.completeness.answered)} dari ${formatCountId(s.completeness.total)} butir).`,
          ...(input.decision && /meets|decide/.test(input.decision.action) && !eligible
            ? [
                ' Kesimpulan nilai ini dihitung dari jawaban tingkat ini; keputusan evaluator di atas dapat berbeda dan alasannya tertulis pada catatannya.',
              ]
            : []),
        ],
        margin: [0, 0, 0, 6],
      },
      heading('IV. Nilai per area terhadap minimum'),
      areas,
      heading('V. Syarat nilai (PermenPANRB 90/2021 Lampiran II Bab III)'),
      ruleTable,
      { text: 'Syarat yang tidak terpenuhi:', bold: true },
      failing,
      heading('VI. Butir rasio dan masukannya'),
      ratios,
      heading('VII. Catatan per butir'),
      notes,
      heading('VIII. Butir yang dikembalikan untuk perbaikan'),
      returned,
    ],
    date: input.decision ? new Date(input.decision.at) : printedAt,
    signature,
    stamp: stamp ?? null,
    draft: !stamp,
    shortTitle: `LHE ${d.unit.name} ${d.period.year} — ${label}`,
  });
};
