import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  heading,
  num,
  officialDocument,
  ruledTable as table,
  th,
} from '../../documents/kit/official-document.ts';
import type { Activity } from '../../../contracts/action-plans.ts';
import type { PlanStatus } from '../../../core/programme/plan-status.ts';
import { formatCountId, formatDateId, formatId, formatPercentId } from '../../render/format.ts';
import type { FilingStamp } from '../../documents/file-document.ts';
import type { ReportData } from './report-data.ts';

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
        ...(a.budget !== null ? [{ text: `Anggaran: Rp ${formatCountId(a.budget)}`, color: MUTED }] : []),
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

const dateOf = (iso: string | null) => (iso ? formatDateId(new Date(iso)) : null);

/** The report's state in words: submitted, approved and forwarded, or returned with the leader's note. */
const approvalLine = (report: ReportData['report']): string => {
  const parts = [REPORT_STATUS_LABELS[report.status] ?? ''];
  if (report.submittedAt)
    parts.push(`diajukan ${dateOf(report.submittedAt)} oleh ${report.submittedByName ?? '–'}`);
  if (report.approvedAt)
    parts.push(`disetujui ${dateOf(report.approvedAt)} oleh ${report.approvedByName ?? '–'}`);
  if (report.forwardedAt)
    parts.push(`diteruskan kepada ${report.forwardedToUnitName ?? '–'} ${dateOf(report.forwardedAt)}`);
  if (report.status === 'returned' && report.returnNote) parts.push(`catatan pimpinan: ${report.returnNote}`);
  return parts.filter(Boolean).join('; ');
};

/**
 * The quarterly monitoring report of the action plans (laporan monitoring dan evaluasi rencana aksi, LKE
 * P1.iii.b) on the document kit: per area (all six; an area without a plan says so), each activity's target,
 * budget and realisation per quarter, status at the quarter's end and evidence titles; the summary; the team
 * lead who reported and the leader who approved, each with NIP; the verification seal on the filed copy.
 */
export const reportDocument = (
  data: ReportData,
  printedAt: Date,
  stamp?: FilingStamp & { origin: string },
): TDocumentDefinitions => {
  const { unit, year, quarter, plans, report } = data;
  const all = plans.flatMap((p) => p.activities);
  const count = (s: PlanStatus) => all.filter((a) => a.status.status === s).length;
  const budget = all.reduce((x, a) => x + (a.budget ?? 0), 0);
  const body: Content[] = [
    table(
      [140, '*'],
      [
        [th('Jumlah kegiatan'), formatCountId(all.length)],
        [
          th('Status kegiatan'),
          (['done', 'on_track', 'at_risk', 'late'] as const)
            .map((s) => `${STATUS_LABELS[s]}: ${formatCountId(count(s))}`)
            .join(' · '),
        ],
        [
          th('Capaian rata-rata'),
          formatPercentId(
            all.length === 0 ? 0 : all.reduce((x, a) => x + a.status.progress, 0) / all.length,
            1,
          ),
        ],
        [th('Anggaran kegiatan'), `Rp ${formatCountId(budget)}`],
        [th('Status laporan'), approvalLine(report)],
      ],
      0,
    ),
  ];
  for (const area of [1, 2, 3, 4, 5, 6]) {
    const plan = plans.find((p) => p.area === area);
    body.push(heading(`Area ${area}. ${AREA_NAMES[area] ?? ''}`));
    if (!plan) {
      body.push({ text: 'Belum ada rencana aksi untuk area ini.', italics: true, margin: [0, 0, 0, 6] });
      continue;
    }
    if (plan.summary) body.push({ text: plan.summary, margin: [0, 0, 0, 4], color: MUTED });
    if (plan.activities.length === 0) {
      body.push({ text: 'Belum ada kegiatan.', italics: true, margin: [0, 0, 0, 6] });
      continue;
    }
    body.push(
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
  const approved = report.status === 'approved';
  return officialDocument({
    look: data.look,
    title: ['LAPORAN MONITORING DAN EVALUASI', 'RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS'],
    facts: [
      ['Unit kerja', unit.name],
      ['Periode', `Triwulan ${quarter} Tahun ${year} (keadaan per ${formatDateId(data.asOf)})`],
    ],
    body,
    date: report.approvedAt ? new Date(report.approvedAt) : printedAt,
    acknowledgement: {
      opening: 'Yang melaporkan,',
      position: 'Ketua Tim Pembangunan Zona Integritas',
      signer: data.submitter,
    },
    signature: {
      opening: approved ? 'Menyetujui,' : 'Menyetujui (belum disetujui),',
      position: data.look.leaderPosition,
      signer: data.approver,
    },
    stamp: stamp ?? null,
    draft: !approved,
    orientation: 'landscape',
    fontSize: 8,
    shortTitle: `Monev rencana aksi ${unit.name} Triwulan ${quarter} ${year}`,
  });
};
