import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { IKM_INTERVALS } from '../../../core/survey/ikm.ts';
import { QUALITY_FLAGS, type QualityFlag } from '../../../core/survey/quality.ts';
import { formatDateId, formatId, formatPercentId } from '../../render/format.ts';
import { servicesOf } from './present-campaign.ts';
import { serviceField } from './questionnaires.ts';
import { FLAG_LABELS, SAMPLING_LABELS } from './report-labels.ts';
import { SURVEY_TITLES, type ReportData } from './report-data.ts';

const MUTED = '#555555';
const HEAD_FILL = '#E8EEF4';

const th = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
  text,
  bold: true,
  fillColor: HEAD_FILL,
  ...extra,
});
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
/** Two items per row; an odd last one gets an empty neighbour so it keeps half the width. */
const pairs = (items: Content[]): Content[][] => {
  const out: Content[][] = [];
  for (let i = 0; i < items.length; i += 2) out.push([items[i] as Content, items[i + 1] ?? { text: '' }]);
  return out;
};
/** The owner's exclusion decision in words: 14/2017 and 90/2021 count every valid response unless she chose otherwise. */
const exclusionText = (flags: readonly QualityFlag[], reason: string | null): string =>
  flags.length === 0
    ? 'Seluruh respon yang sah dihitung dalam indeks (PermenPANRB 14/2017 dan 90/2021); tanda mutu hanya dicatat.'
    : `Atas keputusan pengelola survei, respon bertanda ${flags.map((f) => FLAG_LABELS[f]).join(', ')} tidak dihitung dalam indeks. Alasan: ${reason ?? '-'}`;
const heading = (text: string): Content => ({ text, style: 'h2' });
const para = (text: string | Content[]): Content => ({ text, margin: [0, 0, 0, 6], alignment: 'justify' });

/**
 * The SKM report (PermenPANRB 14/2017 layout as surveys.md §1.8 describes it): identity and period, method
 * and sample per service, respondent profile, NRR per unsur and weighted, the index with mutu and kinerja,
 * its 95 % interval, the flagged responses left out, the weakest unsur as priorities, date. IPAK and IPKP get
 * the same structure on their own scale with the LKE's 0–4 value.
 */
export const reportDocument = (data: ReportData, printedAt: Date): TDocumentDefinitions => {
  const { campaign, unit, questionnaire: q, results: r, items } = data;
  const titles = SURVEY_TITLES[q.kind];
  const skm = q.kind === 'skm';
  const scale = `${q.scale.min}–${q.scale.max}`;
  const services = servicesOf(campaign);
  const flaggedText = QUALITY_FLAGS.filter((f) => r.responses.flagged[f] > 0)
    .map(
      (f) =>
        `${FLAG_LABELS[f]} ${r.responses.flagged[f]}${r.excludeFlags.includes(f) ? '' : ' (tetap dihitung)'}`,
    )
    .join('; ');

  // I. Identity
  const identity = table(
    [150, '*'],
    [
      [th('Unit pelayanan'), `${unit.name}${unit.code ? ` (${unit.code})` : ''}`],
      [th('Periode survei'), campaign.periodLabel],
      [th('Waktu pelaksanaan'), `${formatDateId(campaign.startsOn)} s.d. ${formatDateId(campaign.endsOn)}`],
      [th('Jenis survei'), titles.title],
      [th('Kuesioner'), `${q.title.id} (${q.id}, versi ${q.version})`],
      [th('Dasar'), q.basis.join('; ')],
    ],
    0,
  );

  // II. Method and sample
  const pop = services.every((s) => s.population > 0) ? services.reduce((a, s) => a + s.population, 0) : null;
  const sampleRows: TableCell[][] = [
    [
      th('Jenis layanan'),
      th('Populasi (N)', { alignment: 'right' }),
      th('Target', { alignment: 'right' }),
      th('Tercapai', { alignment: 'right' }),
      th('Capaian', { alignment: 'right' }),
    ],
    ...r.services.map((s): TableCell[] => [
      s.name,
      num(s.population > 0 ? formatId(s.population, 0) : 'tidak diketahui'),
      num(formatId(s.progress.target, 0)),
      num(formatId(s.progress.achieved, 0)),
      num(formatPercentId(s.progress.ratio)),
    ]),
    [
      { text: 'Jumlah', bold: true },
      num(pop === null ? '–' : formatId(pop, 0), { bold: true }),
      num(formatId(r.sample.target, 0), { bold: true }),
      num(formatId(r.sample.achieved, 0), { bold: true }),
      num(formatPercentId(r.sample.ratio), { bold: true }),
    ],
  ];
  const sampleNote = r.sample.reachedTarget
    ? 'Target sampel tercapai.'
    : `Target sampel belum tercapai (kurang ${formatId(r.sample.shortfall, 0)} responden); margin of error di bawah mencerminkan sampel yang benar-benar diperoleh.`;
  const lkeNote = skm
    ? ''
    : r.sample.meetsLkeMinimum
      ? ` Jumlah responden memenuhi minimum ${r.sample.lkeMinimum} responden (PermenPANRB 90/2021).`
      : ` Jumlah responden belum memenuhi minimum ${r.sample.lkeMinimum} responden (PermenPANRB 90/2021).`;

  // III. Profile
  const svcField = serviceField(q);
  const serviceNames = new Map(services.map((s) => [s.code, s.name]));
  const serviceRank = new Map(services.map((s, i) => [s.code, i]));
  const inServiceOrder = <G extends { value: string }>(isService: boolean, groups: readonly G[]): G[] =>
    isService
      ? [...groups].sort((a, b) => (serviceRank.get(a.value) ?? 1e9) - (serviceRank.get(b.value) ?? 1e9))
      : [...groups];
  const profile: Content[] = q.profile.map((f) => {
    const b = r.breakdowns.find((x) => x.field === f.code);
    const groups = inServiceOrder(f.code === svcField, b?.groups ?? []);
    const total = groups.reduce((a, g) => a + g.n, 0);
    return {
      unbreakable: true,
      stack: [
        { text: f.text.id, bold: true, margin: [0, 4, 0, 0] },
        table(
          ['*', 40, 52],
          [
            [th('Kategori'), th('Jumlah', { alignment: 'right' }), th('%', { alignment: 'right' })],
            ...groups.map((g): TableCell[] => [
              f.code === svcField ? (serviceNames.get(g.value) ?? g.value) : (g.label?.id ?? g.value),
              num(formatId(g.n, 0)),
              num(total > 0 ? formatPercentId(g.n / total) : '–'),
            ]),
            [
              { text: 'Jumlah', bold: true },
              num(formatId(total, 0), { bold: true }),
              num(total > 0 ? '100,0 %' : '–', { bold: true }),
            ],
          ],
        ),
      ],
    };
  });

  // IV. Results per unsur
  const unsurHeader: TableCell[] = [
    th('No'),
    th('Unsur'),
    th('Jumlah nilai', { alignment: 'right' }),
    th('n', { alignment: 'right' }),
    th('NRR', { alignment: 'right' }),
    th('NRR tertimbang', { alignment: 'right' }),
    ...(skm ? [th('Konversi', { alignment: 'right' }), th('Mutu', { alignment: 'center' })] : []),
  ];
  const k = items.filter((it) => it.n > 0).length;
  const unsurRows: TableCell[][] = items.map((it, i) => [
    `U${i + 1}`,
    it.aspect,
    num(formatId(it.sum, 0)),
    num(formatId(it.n, 0)),
    num(formatId(it.nrr, 2)),
    num(formatId(it.weighted, 4)),
    ...(skm ? [num(formatId(it.converted, 2)), { text: it.grade ?? '–', alignment: 'center' as const }] : []),
  ]);
  const totalRow: TableCell[] = [
    { text: `${skm ? 'IKM' : 'Indeks'} (Σ NRR tertimbang, bobot 1/${k || '–'})`, colSpan: 5, bold: true },
    '',
    '',
    '',
    '',
    num(formatId(r.index, 4), { bold: true }),
    ...(skm
      ? [
          num(formatId(r.ikm?.convertedRounded, 2), { bold: true }),
          { text: r.ikm?.grade ?? '–', bold: true, alignment: 'center' as const },
        ]
      : []),
  ];
  const unsurTable = table(skm ? [22, '*', 50, 28, 40, 58, 48, 30] : [22, '*', 55, 30, 45, 65], [
    unsurHeader,
    ...unsurRows,
    totalRow,
  ]);

  // The headline figure
  const headline: TableCell[][] = skm
    ? [
        [th('IKM (skala 1–4)'), num(formatId(r.ikm?.value, 4))],
        [th('IKM konversi (× 25)'), num(formatId(r.ikm?.convertedRounded, 2), { bold: true, fontSize: 14 })],
        [th('Mutu pelayanan'), num(r.ikm?.grade ?? '–', { bold: true })],
        [th('Kinerja unit pelayanan'), num(r.ikm?.performance.id ?? '–', { bold: true })],
        [
          th('Margin of error (95 %)'),
          num(r.ikm?.marginOfError == null ? '–' : `± ${formatId(r.ikm.marginOfError, 2)}`),
        ],
        [
          th('Selang kepercayaan 95 %'),
          num(r.ikm?.ci ? `${formatId(r.ikm.ci[0], 2)} – ${formatId(r.ikm.ci[1], 2)}` : '–'),
        ],
      ]
    : [
        [th(`${titles.index} (skala ${scale})`), num(formatId(r.index, 2), { bold: true, fontSize: 14 })],
        [th(`Nilai LKE ${r.lke?.item ?? ''} (skala 0–4)`), num(formatId(r.lke?.value, 2), { bold: true })],
        [
          th('Margin of error (95 %)'),
          num(r.marginOfError === null ? '–' : `± ${formatId(r.marginOfError, 2)}`),
        ],
        [
          th('Selang kepercayaan 95 %'),
          num(r.ci ? `${formatId(r.ci[0], 2)} – ${formatId(r.ci[1], 2)}` : '–'),
        ],
        [th('Batas bawah satu sisi 95 % (nilai LKE)'), num(formatId(r.lke?.oneSidedLowerBound, 2))],
      ];

  const intervalTable: Content = skm
    ? {
        unbreakable: true,
        stack: [
          {
            text: 'Tabel nilai persepsi, interval IKM, interval konversi IKM, mutu dan kinerja',
            italics: true,
            margin: [0, 4, 0, 0],
          },
          table(
            [50, 90, 110, 50, '*'],
            [
              [
                th('Nilai persepsi'),
                th('Nilai interval (NI)'),
                th('Nilai interval konversi (NIK)'),
                th('Mutu'),
                th('Kinerja'),
              ],
              ...[...IKM_INTERVALS]
                .reverse()
                .map((iv, i): TableCell[] => [
                  String(i + 1),
                  `${formatId(iv.minHundredths / 2500, 4)} – ${formatId(iv.maxHundredths / 2500, 4)}`,
                  `${formatId(iv.minHundredths / 100, 2)} – ${formatId(iv.maxHundredths / 100, 2)}`,
                  iv.grade,
                  iv.performance.id,
                ]),
            ],
          ),
        ],
      }
    : { text: '' };

  // Per-service results
  const perService = r.breakdowns.find((b) => b.field === svcField);
  const serviceResults: Content = perService
    ? table(
        ['*', 40, 80, 80],
        [
          [
            th('Jenis layanan'),
            th('n', { alignment: 'right' }),
            th(skm ? 'IKM konversi' : 'Indeks', { alignment: 'right' }),
            th('Margin of error', { alignment: 'right' }),
          ],
          ...inServiceOrder(true, perService.groups).map((g): TableCell[] => [
            serviceNames.get(g.value) ?? g.value,
            num(formatId(g.n, 0)),
            num(g.suppressed ? '< 5 responden' : formatId(skm ? g.converted : g.index, 2)),
            num(g.suppressed || g.marginOfError === null ? '–' : `± ${formatId(g.marginOfError, 2)}`),
          ]),
        ],
      )
    : { text: '' };

  // V. Priorities: the three lowest NRR
  const lowest = items
    .filter((it) => it.nrr !== null)
    .sort((a, b) => (a.nrr as number) - (b.nrr as number) || a.code.localeCompare(b.code))
    .slice(0, 3);

  return {
    info: {
      title: `Laporan ${titles.title} — ${unit.name} — ${campaign.periodLabel}`,
      creator: 'Pulau',
      producer: 'Pulau',
    },
    language: 'id-ID',
    pageMargins: [50, 50, 50, 50],
    styles: {
      h1: { fontSize: 15, bold: true, alignment: 'center' },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      sub: { fontSize: 11, alignment: 'center', color: MUTED },
    },
    footer: (page, pages) => ({
      columns: [
        {
          width: '*',
          text: `${titles.title} — ${unit.name} — ${campaign.periodLabel}`,
          fontSize: 8,
          color: MUTED,
        },
        { width: 'auto', text: `Halaman ${page} dari ${pages}`, fontSize: 8, color: MUTED },
      ],
      margin: [50, 20, 50, 0],
    }),
    content: [
      { text: `LAPORAN HASIL ${titles.title.toUpperCase()}`, style: 'h1' },
      { text: unit.name, style: 'sub', bold: true, margin: [0, 4, 0, 0] },
      { text: `Periode ${campaign.periodLabel}`, style: 'sub', margin: [0, 0, 0, 10] },

      heading('I. Identitas dan periode'),
      identity,

      heading('II. Metode dan sampel'),
      para(
        `Survei dilaksanakan secara mandiri dengan kuesioner elektronik tanpa identitas responden, diisi sendiri oleh pengguna layanan yang telah selesai menerima layanan (tautan dan kode QR di setiap loket layanan). Setiap unsur dinilai pada skala ${scale}. Besaran sampel ditentukan dengan metode ${SAMPLING_LABELS[campaign.samplingMethod] ?? campaign.samplingMethod} dan dialokasikan secara proporsional menurut jenis layanan.`,
      ),
      table(['*', 75, 50, 50, 55], sampleRows),
      para(`${sampleNote}${lkeNote}`),
      para(
        `Respon yang diterima: ${formatId(r.responses.total, 0)}; disertakan dalam perhitungan: ${formatId(r.responses.included, 0)}; dikecualikan karena ditandai: ${formatId(r.responses.excluded, 0)}.${flaggedText ? ` Respon ditandai menurut jenis tanda: ${flaggedText}.` : ''} Respon yang ditandai tetap disimpan; bila seluruhnya dihitung, indeks menjadi ${formatId(r.indexIncludingFlagged, 4)} (skala ${scale}).`,
      ),
      para(exclusionText(r.excludeFlags, r.exclusionReason)),

      heading('III. Profil responden'),
      para(`Profil ${formatId(r.n, 0)} responden yang disertakan dalam perhitungan indeks.`),
      ...pairs(profile).map((pair): Content => ({ columns: pair, columnGap: 16, unbreakable: true })),

      heading(`IV. Hasil ${skm ? 'Indeks Kepuasan Masyarakat' : titles.index}`),
      para(
        skm
          ? 'Nilai rata-rata (NRR) tiap unsur = jumlah nilai ÷ jumlah responden yang mengisi unsur tersebut; NRR tertimbang = NRR × 1/k (k = jumlah unsur terisi); IKM = Σ NRR tertimbang; IKM konversi = IKM × 25, dibulatkan dua desimal lalu diklasifikasikan (PermenPANRB 14/2017).'
          : `Nilai rata-rata (NRR) tiap butir = jumlah nilai ÷ jumlah responden yang mengisi; indeks = Σ NRR × 1/k (k = jumlah butir terisi) pada skala ${scale}; nilai LKE ${r.lke?.item ?? ''} pada skala 0–4 menurut aturan konversi kuesioner.`,
      ),
      unsurTable,
      { table: { widths: [260, 100], body: headline }, layout: 'lightHorizontalLines', margin: [0, 4, 0, 8] },
      para(
        'Margin of error dan selang kepercayaan 95 % dihitung dengan distribusi t Student atas responden' +
          (pop !== null ? ', dengan koreksi populasi terhingga.' : '.'),
      ),
      intervalTable,
      ...(perService
        ? [{ text: 'Hasil per jenis layanan', bold: true, margin: [0, 4, 0, 0] } as Content, serviceResults]
        : []),

      heading('V. Prioritas perbaikan'),
      para('Unsur dengan nilai terendah menjadi prioritas rencana tindak lanjut:'),
      lowest.length === 0
        ? para('Belum ada respon yang dapat dihitung.')
        : {
            ol: lowest.map(
              (it) =>
                `${it.aspect} — NRR ${formatId(it.nrr, 2)}${skm ? ` (konversi ${formatId(it.converted, 2)}, mutu ${it.grade ?? '–'})` : ''}`,
            ),
            margin: [10, 0, 0, 10],
          },

      {
        unbreakable: true,
        columns: [
          {
            width: '*',
            text: `Dicetak dari Pulau pada ${formatDateId(printedAt)}.`,
            color: MUTED,
            margin: [0, 60, 0, 0],
          },
          {
            width: 200,
            alignment: 'left',
            // Tata naskah dinas: place and date, the leader's position by the agency's title, name, NIP.
            stack: [
              `${data.look.place}, ${formatDateId(printedAt)}`,
              `${data.look.leaderPosition},`,
              data.leader.name
                ? { text: data.leader.name, bold: true, decoration: 'underline', margin: [0, 50, 0, 0] }
                : { text: '(.......................................)', margin: [0, 50, 0, 0] },
              `NIP. ${data.leader.nip ?? (data.leader.name ? '–' : '..............................')}`,
            ],
          },
        ],
        margin: [0, 20, 0, 0],
      },
    ],
  };
};
