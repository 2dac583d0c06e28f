/**
 * The e-mail sentences of each notice kind, in Bahasa Indonesia and English. `{{name}}` is filled from the
 * notice's params; the web inbox has the same sentences under `inbox.kinds.*` in its locale files. A kind
 * without an entry here still gets a readable e-mail (the generic text), so a new kind never blocks a notice.
 */
export type Lang = 'id' | 'en';
export type NoticeText = { subject: string; body: string };

type Texts = Record<Lang, NoticeText>;

const review = (id: [string, string], en: [string, string]): Texts => ({
  id: { subject: id[0], body: id[1] },
  en: { subject: en[0], body: en[1] },
});

export const NOTICE_TEXTS: Record<string, Texts> = {
  'review.submit': review(
    [
      'LKE {{unit}} dikirim untuk persetujuan',
      '{{unit}} mengirim LKE periode {{period}} untuk persetujuan pimpinan.',
    ],
    [
      '{{unit}}: LKE submitted for approval',
      "{{unit}} submitted its LKE for {{period}} for the leader's approval.",
    ],
  ),
  'review.leader_return': review(
    [
      'LKE {{unit}} dikembalikan pimpinan',
      'Pimpinan mengembalikan LKE periode {{period}} dengan catatan: {{note}}',
    ],
    [
      '{{unit}}: LKE returned by the leader',
      'The leader returned the LKE for {{period}} with the note: {{note}}',
    ],
  ),
  'review.approve_to_tpi': review(
    [
      'LKE {{unit}} masuk evaluasi TPI',
      'LKE {{unit}} periode {{period}} disetujui pimpinan dan masuk evaluasi TPI.',
    ],
    [
      '{{unit}}: LKE sent to the TPI',
      "{{unit}}'s LKE for {{period}} was approved by its leader and is now with the TPI.",
    ],
  ),
  'review.approve_to_preliminary': review(
    [
      'LKE {{unit}} menunggu reviu pendahuluan',
      'LKE {{unit}} periode {{period}} menunggu reviu pendahuluan oleh unit induk.',
    ],
    [
      '{{unit}}: LKE awaits the preliminary review',
      "{{unit}}'s LKE for {{period}} awaits the parent unit's preliminary review.",
    ],
  ),
  'review.preliminary_pass': review(
    [
      'LKE {{unit}} masuk evaluasi TPI',
      'Reviu pendahuluan selesai; LKE {{unit}} periode {{period}} masuk evaluasi TPI.',
    ],
    [
      '{{unit}}: LKE sent to the TPI',
      "The preliminary review is done; {{unit}}'s LKE for {{period}} is now with the TPI.",
    ],
  ),
  'review.preliminary_return': review(
    [
      'LKE {{unit}} dikembalikan unit induk',
      'Unit induk mengembalikan LKE periode {{period}} dengan catatan: {{note}}',
    ],
    [
      '{{unit}}: LKE returned by the parent unit',
      'The parent unit returned the LKE for {{period}} with the note: {{note}}',
    ],
  ),
  'review.tpi_stage_completed': review(
    [
      'Evaluasi TPI {{unit}}: tahap berikutnya',
      'Tahap {{stage}} selesai; LKE {{unit}} periode {{period}} menunggu tahap {{next}}.',
    ],
    [
      'TPI review of {{unit}}: next stage',
      "Stage {{stage}} is done; {{unit}}'s LKE for {{period}} awaits stage {{next}}.",
    ],
  ),
  'review.tpi_return': review(
    [
      'LKE {{unit}} dikembalikan TPI untuk perbaikan',
      'TPI mengembalikan LKE periode {{period}} untuk perbaikan: {{note}}',
    ],
    [
      '{{unit}}: LKE returned by the TPI for revision',
      'The TPI returned the LKE for {{period}} for revision: {{note}}',
    ],
  ),
  'review.resubmit': review(
    [
      'LKE {{unit}} diperbaiki dan dikirim ulang',
      '{{unit}} mengirim ulang LKE periode {{period}} setelah perbaikan.',
    ],
    ['{{unit}}: LKE resubmitted', '{{unit}} resubmitted its LKE for {{period}} after revision.'],
  ),
  'review.tpi_find_meets': review(
    [
      'LKE {{unit}}: TPI menyatakan memenuhi',
      'TPI menyatakan LKE {{unit}} periode {{period}} memenuhi syarat untuk diusulkan.',
    ],
    [
      '{{unit}}: the TPI finds it meets',
      "The TPI finds {{unit}}'s LKE for {{period}} meets the requirements to be proposed.",
    ],
  ),
  'review.tpi_find_not_meets': review(
    [
      'LKE {{unit}}: TPI menyatakan belum memenuhi',
      'TPI menyatakan LKE periode {{period}} belum memenuhi syarat: {{note}}',
    ],
    [
      '{{unit}}: the TPI finds it does not meet',
      'The TPI finds the LKE for {{period}} does not meet the requirements: {{note}}',
    ],
  ),
  'review.propose': review(
    [
      '{{unit}} diusulkan ke KemenPAN-RB',
      '{{unit}} diusulkan ke KemenPAN-RB untuk evaluasi TPN periode {{period}}.',
    ],
    [
      '{{unit}} proposed to KemenPAN-RB',
      '{{unit}} was proposed to KemenPAN-RB for the TPN evaluation of {{period}}.',
    ],
  ),
  'review.tpn_start_desk': review(
    [
      'Evaluasi TPN {{unit}}: desk evaluation',
      'TPN memulai desk evaluation LKE {{unit}} periode {{period}}.',
    ],
    [
      'TPN evaluation of {{unit}}: desk review',
      "The TPN started the desk review of {{unit}}'s LKE for {{period}}.",
    ],
  ),
  'review.tpn_start_field': review(
    [
      'Evaluasi TPN {{unit}}: evaluasi lapangan',
      'TPN memulai evaluasi lapangan {{unit}} periode {{period}}.',
    ],
    [
      'TPN evaluation of {{unit}}: field review',
      'The TPN started the field review of {{unit}} for {{period}}.',
    ],
  ),
  'review.tpn_not_award': review(
    [
      '{{unit}} tidak memperoleh predikat',
      'TPN memutuskan {{unit}} tidak memperoleh predikat periode {{period}}: {{note}}',
    ],
    ['{{unit}} not awarded', 'The TPN decided {{unit}} is not awarded a predicate for {{period}}: {{note}}'],
  ),
  'review.predicate_awarded': review(
    [
      'Selamat! {{unit}} memperoleh predikat {{predicate}}',
      '{{unit}} memperoleh predikat {{predicate}} periode {{period}}.',
    ],
    [
      'Congratulations! {{unit}} awarded {{predicate}}',
      '{{unit}} was awarded the {{predicate}} predicate for {{period}}.',
    ],
  ),
  'review.predicate_revoked': review(
    [
      'Predikat {{predicate}} {{unit}} dicabut',
      'Predikat {{predicate}} {{unit}} dicabut: {{note}}. Dapat diusulkan kembali mulai {{proposableFrom}}.',
    ],
    [
      '{{unit}}: {{predicate}} revoked',
      'The {{predicate}} predicate of {{unit}} was revoked: {{note}}. It may be proposed again from {{proposableFrom}}.',
    ],
  ),
  'reminder.fill_until': review(
    [
      'Pengingat: batas pengisian LKE {{period}} {{date}}',
      'LKE {{unit}} periode {{period}} masih draf; batas pengisian {{date}} ({{days}} hari lagi).',
    ],
    [
      'Reminder: LKE {{period}} is due {{date}}',
      "{{unit}}'s LKE for {{period}} is still a draft; filling closes on {{date}} (in {{days}} days).",
    ],
  ),
  'reminder.review_until': review(
    [
      'Pengingat: batas evaluasi TPI {{date}}',
      'LKE {{unit}} periode {{period}} masih menunggu evaluasi TPI; batas evaluasi {{date}} ({{days}} hari lagi).',
    ],
    [
      'Reminder: TPI review is due {{date}}',
      "{{unit}}'s LKE for {{period}} still awaits the TPI review; it closes on {{date}} (in {{days}} days).",
    ],
  ),
  'reminder.revision_until': review(
    [
      'Pengingat: batas perbaikan LKE {{date}}',
      'LKE {{unit}} periode {{period}} dikembalikan untuk perbaikan; batas perbaikan {{date}} ({{days}} hari lagi).',
    ],
    [
      'Reminder: revision is due {{date}}',
      "{{unit}}'s LKE for {{period}} was returned for revision; revision closes on {{date}} (in {{days}} days).",
    ],
  ),
  'reminder.proposal_deadline': review(
    [
      'Pengingat: batas usulan ke KemenPAN-RB {{date}}',
      '{{unit}} memenuhi syarat menurut TPI tetapi belum diusulkan; batas usulan periode {{period}} {{date}} ({{days}} hari lagi).',
    ],
    [
      'Reminder: proposals are due {{date}}',
      '{{unit}} meets the requirements per the TPI but is not yet proposed; proposals for {{period}} close on {{date}} (in {{days}} days).',
    ],
  ),
  // The integrity pact (issue #7): the lead reminds those who have not signed.
  'pact.reminder': review(
    [
      'Pengingat: tanda tangani pakta integritas {{unit}}',
      'Anda belum menandatangani pakta integritas {{unit}}. Bacalah dan tanda tangani di Pulau.',
    ],
    [
      'Reminder: sign the integrity pact of {{unit}}',
      'You have not signed the integrity pact of {{unit}} yet. Read and sign it in Pulau.',
    ],
  ),
};

/** Kinds written by other features (action plans, the integrity pact); their params are named there. */
Object.assign(NOTICE_TEXTS, {
  'plan.report_submitted': review(
    [
      'Laporan monitoring {{unit}} triwulan {{quarter}} {{year}} menunggu persetujuan',
      '{{unit}} mengirim laporan monitoring rencana aksi triwulan {{quarter}} tahun {{year}} untuk persetujuan pimpinan.',
    ],
    [
      '{{unit}}: monitoring report Q{{quarter}} {{year}} awaits approval',
      "{{unit}} submitted its action-plan monitoring report for Q{{quarter}} {{year}} for the leader's approval.",
    ],
  ),
  'plan.report_forwarded': review(
    [
      'Laporan monitoring {{unit}} triwulan {{quarter}} {{year}} diteruskan',
      'Laporan monitoring rencana aksi {{unit}} triwulan {{quarter}} tahun {{year}} disetujui dan diteruskan ke unit Anda.',
    ],
    [
      '{{unit}}: monitoring report Q{{quarter}} {{year}} forwarded',
      "{{unit}}'s action-plan monitoring report for Q{{quarter}} {{year}} was approved and forwarded to your unit.",
    ],
  ),
  'plan.report_returned': review(
    [
      'Laporan monitoring triwulan {{quarter}} {{year}} dikembalikan',
      'Pimpinan mengembalikan laporan monitoring rencana aksi {{unit}} triwulan {{quarter}} tahun {{year}}: {{note}}',
    ],
    [
      'Monitoring report Q{{quarter}} {{year}} returned',
      "The leader returned {{unit}}'s action-plan monitoring report for Q{{quarter}} {{year}}: {{note}}",
    ],
  ),
  'pact.reminder': review(
    [
      'Pengingat: tanda tangani pakta integritas {{unit}}',
      'Anda belum menandatangani pakta integritas {{unit}} versi terbaru. Silakan baca dan tanda tangani.',
    ],
    [
      'Reminder: sign the integrity pact of {{unit}}',
      'You have not yet signed the latest integrity pact of {{unit}}. Please read and sign it.',
    ],
  ),
} satisfies Record<string, Texts>);

const GENERIC: Texts = review(
  ['Pemberitahuan baru di Pulau', 'Ada pemberitahuan baru untuk Anda ({{kind}}).'],
  ['New notice in Pulau', 'You have a new notice ({{kind}}).'],
);

/** `{{name}}` → the param's value; a missing param shows as a dash rather than the raw placeholder. */
export const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined || value === '' ? '–' : String(value);
  });

/** One language's subject and body of a notice. */
export const noticeText = (kind: string, params: Record<string, string | number>, lang: Lang): NoticeText => {
  const texts = NOTICE_TEXTS[kind] ?? GENERIC;
  const all = { kind, ...params };
  return { subject: fill(texts[lang].subject, all), body: fill(texts[lang].body, all) };
};

/** Where the sender puts the public origin (PULAU_PUBLIC_URL) in front of an in-app link. */
export const ORIGIN_PLACEHOLDER = '{{origin}}';

/**
 * The e-mail of a notice: subject and body in the reader's language first, the other below (Bahasa Indonesia
 * first unless the user chose English), then the link to open.
 */
export const renderEmail = (
  kind: string,
  params: Record<string, string | number>,
  link: string | null,
  locale: string,
): NoticeText => {
  const order: Lang[] = locale === 'en' ? ['en', 'id'] : ['id', 'en'];
  const [first, second] = order.map((lang) => noticeText(kind, params, lang)) as [NoticeText, NoticeText];
  const open = link
    ? locale === 'en'
      ? `\n\nOpen / Buka: ${ORIGIN_PLACEHOLDER}${link}`
      : `\n\nBuka / Open: ${ORIGIN_PLACEHOLDER}${link}`
    : '';
  const footer =
    '\n\n--\nPulau · Zona Integritas. E-mail ini dikirim otomatis / This e-mail was sent automatically.';
  return {
    subject: `${first.subject} / ${second.subject}`,
    body: `${first.body}\n\n---\n\n${second.body}${open}${footer}`,
  };
};
