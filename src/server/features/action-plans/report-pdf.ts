import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Activity } from '../../../contracts/action-plans.ts';
import type { PlanStatus } from '../../../core/programme/plan-status.ts';
import { formatDateId, formatId, formatPercentId } from '../../render/format.ts';
import type { FilingStamp } from '../../documents/file-document.ts';
import { stampContent } from '../../documents/stamp-content.ts';
import type { ReportData } from './report-data.ts';

const HEAD_FILL = '#E8EEF4';
const MUTED = '#555555';

export const AREA_NAMES: Record<number, string> = {
  1: 'Manajemen Perubahan',
  2: 'Penataan Tatalaksana',
  3: 'Penataan Sistem Manajemen SDM Aparatur',
  4: 'Penguatan Akuntabilitas',
  5: 'Penguatan Pengawasan',
  6: 'Peningkatan Kualitas Pelayanan Publik',
};
const STATUS_LABELS: Record<PlanStatus, string> = {
  on_track: 'Sesuai rencana',
  at_risk: 'Berisiko',
  late: 'Terlambat',
  done: 'Selesai',
};
const REPORT_STATUS_LABELS: Record<string, string> = {
  draft: 'Draf (belum diajukan)',
  submitted: 'Diajukan, menunggu persetujuan pimpinan',
  approved: 'Disetujui pimpinan',
  returned: 'Dikembalikan untuk perbaikan',
};

const th = (text: string): TableCell => ({ text, bold: true, fillColor: HEAD_FILL });
const num = (text: string): TableCell => ({ text, alignment: 'right' });
const table = (widths: (string | number)[], body: TableCell[][], headerRows = 1): Content => ({
  table: { headerRows, widths, body, dontBreakRows: true },
  layout: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#99A5B1',
    vLineColor: () => '#99A5B1',
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
  margin: [0, 4, 0, 8],
});

/** A number as written in Indonesian, without trailing decimals for whole numbers (12 → '12', 2.5 → '2,5'). */
const n = (x: number) => formatId(x, Number.isInteger(x) ? 0 : 2);

const activityRows = (a: Activity, quarter: number): TableCell[] => {
  const byQuarter = [1, 2, 3, 4].map((q) => a.realisations.find((r) => r.quarter === q));
  const evidence = a.realisations.flatMap((r) => r.evidence.map((e) => e.title)).filter(Boolean);
  return [
    {
      stack: [
        { text: a.title, bold: true },
        ...(a.output ? [{ text: `Output: ${a.output}`, color: MUTED }] : []),
        ...(a.personInChargeName ? [{ text: `PJ: ${a.personInChargeName}`, color: MUTED }] : []),
        ...(a.lkeCodes.length > 0 ? [{ text: `LKE: ${a.lkeCodes.join(', ')}`, color: MUTED }] : []),
      ],
    },
    { text: `${n(a.target)} ${a.targetUnit}` },
    { text: a.quarters.map((q) => `TW ${q}`).join(', ') },
    ...byQuarter.map((r, i): TableCell => (i + 1 > quarter ? num('') : num(r ? n(r.achieved) : '–'))),
    num(`${n(a.status.achieved)} (${formatPercentId(a.status.progress, 0)})`),
    { text: STATUS_LABELS[a.status.status] },
    { text: evidence.length > 0 ? evidence.join('; ') : '–', fontSize: 7 },
  ];
};

/**
 * The quarterly monitoring report of the action plans (laporan monitoring dan evaluasi rencana aksi, LKE
 * P1.iii.b): per area, each activity's target against its realisation per quarter, status at the quarter's
 * end and evidence titles; the summary; and the leader's approval and forwarding to the parent unit.
 */
export const reportDocument = (
  data: ReportData,
  printedAt: Date,
  stamp?: FilingStamp & { origin: string },
): TDocumentDefinitions => {
  const { unit, year, quarter, plans, report } = data;
  const all = plans.flatMap((p) => p.activities);
  const count = (s: PlanStatus) => all.filter((a) => a.status.status === s).length;
  const content: Content[] = [
    { text: 'LAPORAN MONITORING DAN EVALUASI', style: 'title' },
    { text: 'RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS', style: 'title' },
    { text: `${unit.name} — Triwulan ${quarter} Tahun ${year}`, alignment: 'center', margin: [0, 2, 0, 10] },
    table(
      [140, '*'],
      [
        [th('Unit kerja'), `${unit.name} (${unit.code})`],
        [th('Periode'), `Triwulan ${quarter} ${year} (keadaan per ${formatDateId(data.asOf)})`],
        [th('Jumlah kegiatan'), String(all.length)],
        [
          th('Status kegiatan'),
          (['done', 'on_track', 'at_risk', 'late'] as const)
            .map((s) => `${STATUS_LABELS[s]}: ${count(s)}`)
            .join(' · '),
        ],
        [
          th('Capaian rata-rata'),
          formatPercentId(
            all.length === 0 ? 0 : all.reduce((x, a) => x + a.status.progress, 0) / all.length,
            1,
          ),
        ],
      ],
      0,
    ),
  ];
  for (const plan of plans) {
    content.push({ text: `Area ${plan.area}. ${AREA_NAMES[plan.area] ?? ''}`, style: 'h2' });
    if (plan.summary) content.push({ text: plan.summary, margin: [0, 0, 0, 4], color: MUTED });
    if (plan.activities.length === 0) {
      content.push({ text: 'Belum ada kegiatan.', italics: true, margin: [0, 0, 0, 6] });
      continue;
    }
    content.push(
      table(
        ['*', 50, 38, 24, 24, 24, 24, 52, 48, 80],
        [
          [
            th('Kegiatan'),
            th('Target'),
            th('Rencana'),
            th('TW 1'),
            th('TW 2'),
            th('TW 3'),
            th('TW 4'),
            th('Realisasi'),
            th('Status'),
            th('Bukti dukung'),
          ],
          ...plan.activities.map((a) => activityRows(a, quarter)),
        ],
      ),
    );
  }
  const approval: Content[] = [
    { text: 'Persetujuan', style: 'h2' },
    table(
      [140, '*'],
      [
        [th('Status laporan'), REPORT_STATUS_LABELS[report.status] ?? report.status],
        [
          th('Diajukan'),
          report.submittedAt
            ? `${formatDateId(new Date(report.submittedAt))} oleh ${report.submittedByName ?? '–'}`
            : '–',
        ],
        [
          th('Disetujui'),
          report.approvedAt
            ? `${formatDateId(new Date(report.approvedAt))} oleh ${report.approvedByName ?? '–'}`
            : '–',
        ],
        [
          th('Diteruskan kepada'),
          report.forwardedAt
            ? `${report.forwardedToUnitName ?? '–'} (${formatDateId(new Date(report.forwardedAt))})`
            : '–',
        ],
        ...(report.status === 'returned' ? [[th('Catatan pimpinan'), report.returnNote] as TableCell[]] : []),
      ],
      0,
    ),
  ];
  content.push(...approval);
  content.push(
    stamp
      ? stampContent(stamp)
      : {
          text: `Dicetak dari Pulau pada ${formatDateId(printedAt)}.`,
          color: MUTED,
          fontSize: 8,
          margin: [0, 8, 0, 0],
        },
  );
  return {
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    info: { title: `Monev rencana aksi ${unit.name} TW ${quarter} ${year}` },
    content,
    defaultStyle: { fontSize: 8 },
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center' },
      h2: { fontSize: 10, bold: true, margin: [0, 8, 0, 2] },
    },
  };
};
