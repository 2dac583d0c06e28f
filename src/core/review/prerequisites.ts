import { z } from 'zod';
import { addYears, isCalendarDate, type CalendarDate } from './calendar.ts';
import type { Predicate } from './review-status.ts';

/**
 * The §4.2 proposal prerequisites (PermenPANRB 90/2021 Lampiran II Bab II Tabel 5, as replaced by
 * PermenPANRB 5/2024): what is entered for each, and when it counts as met. Agency-level ones are entered
 * once per period for the whole agency; unit-level ones per assessment. The threshold of each depends on the
 * predicate aimed at, so `met` is always computed for one target, never typed by a person.
 */

/** SAKIP and Indeks RB grades, best first (the KemenPAN-RB letter scale). */
export const GRADES = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** BPK's audit opinions: wajar tanpa pengecualian, wajar dengan pengecualian, tidak wajar, disclaimer. */
export const BPK_OPINIONS = ['WTP', 'WDP', 'TW', 'TMP'] as const;

/** An agency is a ministry/institution (K/L) or a regional government (Pemda): the Indeks RB bar differs. */
export const AGENCY_KINDS = ['kl', 'pemda'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** True when `grade` is `min` or better. @example gradeAtLeast('BB', 'B') // true */
export const gradeAtLeast = (grade: Grade, min: Grade): boolean =>
  GRADES.indexOf(grade) <= GRADES.indexOf(min);

const Percent = z.number().min(0).max(100);

/** The value each input kind takes, as stored in `proposal_prerequisites.value`. */
export const PREREQUISITE_VALUE_SCHEMAS = {
  opinion: z.object({ opinion: z.enum(BPK_OPINIONS) }).strict(),
  grade: z.object({ grade: z.enum(GRADES) }).strict(),
  rb_index: z.object({ grade: z.enum(GRADES), agencyKind: z.enum(AGENCY_KINDS).default('kl') }).strict(),
  maturity: z.object({ level: z.number().int().min(0).max(5) }).strict(),
  percent: z.object({ percent: Percent }).strict(),
  yes_no: z.object({ yes: z.boolean() }).strict(),
  start_date: z.object({ startDate: z.string().refine(isCalendarDate, 'DATE_INVALID') }).strict(),
} as const;

export type PrerequisiteInput = keyof typeof PREREQUISITE_VALUE_SCHEMAS;
export type PrerequisiteValue<K extends PrerequisiteInput> = z.infer<(typeof PREREQUISITE_VALUE_SCHEMAS)[K]>;

/** What a `met` check may look at besides the value: the predicate aimed at and the day of the check. */
export type PrerequisiteSituation = { target: Predicate; today: CalendarDate };

type Entry<K extends PrerequisiteInput> = {
  code: string;
  level: 'agency' | 'unit';
  input: K;
  /** The requirement in the regulation's words, shortened. */
  text: string;
  /** How sure the reference is of the threshold; 'default' marks a reading the regulation leaves open. */
  certainty: 'regulation' | 'default';
  met: (value: PrerequisiteValue<K>, s: PrerequisiteSituation) => boolean;
};

const entry = <K extends PrerequisiteInput>(e: Entry<K>): Entry<K> => e;

/** Indeks RB minimum: CC (Pemda) / B (K/L) for WBK; B (Pemda) / BB (K/L) for WBBM. */
export const RB_INDEX_MIN: Record<AgencyKind, Record<Predicate, Grade>> = {
  pemda: { WBK: 'CC', WBBM: 'B' },
  kl: { WBK: 'B', WBBM: 'BB' },
};

/** SAKIP minimum of the agency and of the unit: B for WBK, BB for WBBM. */
export const SAKIP_MIN: Record<Predicate, Grade> = { WBK: 'B', WBBM: 'BB' };

/**
 * The catalogue, in Tabel 5's order. The Indeks RB bar needs the agency's kind, which Pulau does not hold
 * per agency: it is entered with the grade and defaults to K/L (the stricter bar for WBK).
 */
export const PREREQUISITES = [
  entry({
    code: 'bpk_opinion',
    level: 'agency',
    input: 'opinion',
    text: 'Opini BPK minimal WTP',
    certainty: 'regulation',
    met: (v) => v.opinion === 'WTP',
  }),
  entry({
    code: 'sakip_agency',
    level: 'agency',
    input: 'grade',
    text: 'Predikat SAKIP instansi minimal B (WBK) / BB (WBBM)',
    certainty: 'regulation',
    met: (v, s) => gradeAtLeast(v.grade, SAKIP_MIN[s.target]),
  }),
  entry({
    code: 'rb_index',
    level: 'agency',
    input: 'rb_index',
    text: 'Indeks RB minimal CC/B (Pemda) atau B/BB (K/L)',
    certainty: 'default',
    met: (v, s) => gradeAtLeast(v.grade, RB_INDEX_MIN[v.agencyKind][s.target]),
  }),
  entry({
    code: 'spip_maturity',
    level: 'agency',
    input: 'maturity',
    text: 'Level maturitas SPIP minimal 3',
    certainty: 'regulation',
    met: (v) => v.level >= 3,
  }),
  entry({
    code: 'core_service',
    level: 'unit',
    input: 'yes_no',
    text: 'Unit kerja merupakan core layanan instansi',
    certainty: 'regulation',
    met: (v) => v.yes,
  }),
  entry({
    code: 'public_impact',
    level: 'unit',
    input: 'yes_no',
    text: 'Memberikan dampak signifikan terhadap persepsi masyarakat',
    certainty: 'regulation',
    met: (v) => v.yes,
  }),
  entry({
    code: 'audit_follow_up',
    level: 'unit',
    input: 'percent',
    text: 'Penyelesaian tindak lanjut hasil pemeriksaan APIP/BPK 100%',
    certainty: 'regulation',
    met: (v) => v.percent >= 100,
  }),
  entry({
    code: 'wealth_reports',
    level: 'unit',
    input: 'percent',
    text: 'Kepatuhan penyampaian LHKPN dan LHKASN 100%',
    certainty: 'regulation',
    met: (v) => v.percent >= 100,
  }),
  entry({
    code: 'zi_one_year',
    level: 'unit',
    input: 'start_date',
    text: 'Telah membangun ZI minimal 1 tahun',
    certainty: 'regulation',
    // A full year to the day: built from 2024-06-01, proposable from 2025-06-01.
    met: (v, s) => addYears(v.startDate, 1) <= s.today,
  }),
  entry({
    code: 'sakip_unit',
    level: 'unit',
    input: 'grade',
    text: 'Predikat SAKIP unit (evaluasi internal) minimal B (WBK) / BB (WBBM)',
    certainty: 'regulation',
    met: (v, s) => gradeAtLeast(v.grade, SAKIP_MIN[s.target]),
  }),
] as const;

export type PrerequisiteCode = (typeof PREREQUISITES)[number]['code'];
export type PrerequisiteLevel = 'agency' | 'unit';

/** The proposal's own documents: the agency's cover letter and the SPTJM (Gambar 6 and 7). */
export const DOCUMENT_CODES = ['cover_letter', 'sptjm'] as const;
export type DocumentCode = (typeof DOCUMENT_CODES)[number];

const BY_CODE = new Map<string, (typeof PREREQUISITES)[number]>(PREREQUISITES.map((p) => [p.code, p]));

/** The catalogue entry of a code, or undefined. */
export const prerequisiteOf = (code: string) => BY_CODE.get(code);

export type ParsedValue = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Validates a value against the input kind of `code`'s entry (defaults filled in).
 * @example parsePrerequisiteValue('spip_maturity', { level: 3 }) // { ok: true, value: { level: 3 } }
 */
export const parsePrerequisiteValue = (code: string, value: unknown): ParsedValue => {
  const p = BY_CODE.get(code);
  if (!p) return { ok: false, message: `unknown prerequisite ${code}` };
  const r = PREREQUISITE_VALUE_SCHEMAS[p.input].safeParse(value);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, message: r.error.issues[0]?.message ?? 'invalid' };
};

/**
 * Whether a stored value meets `code` for this target on this day; a missing or malformed value is not met.
 * @example prerequisiteMet('sakip_agency', { grade: 'B' }, { target: 'WBBM', today: '2025-05-01' }) // false
 */
export const prerequisiteMet = (code: string, value: unknown, s: PrerequisiteSituation): boolean => {
  const p = BY_CODE.get(code);
  if (!p || value === null || value === undefined) return false;
  const r = PREREQUISITE_VALUE_SCHEMAS[p.input].safeParse(value);
  if (!r.success) return false;
  // The union of entries loses the link between input and value type; the schema above just checked it.
  return (p.met as (v: unknown, s: PrerequisiteSituation) => boolean)(r.data, s);
};

/**
 * The codes not met, in catalogue order, from the values entered so far (code → value) at both levels, then
 * the missing proposal documents.
 * @example unmetPrerequisites(new Map(), { target: 'WBK', today: '2025-05-01' }, { coverLetter: true, sptjm: false })
 * // every catalogue code, then 'sptjm'
 */
export const unmetPrerequisites = (
  values: ReadonlyMap<string, unknown>,
  s: PrerequisiteSituation,
  documents: { coverLetter: boolean; sptjm: boolean },
): string[] => [
  ...PREREQUISITES.filter((p) => !prerequisiteMet(p.code, values.get(p.code), s)).map((p) => p.code),
  ...(documents.coverLetter ? [] : ['cover_letter']),
  ...(documents.sptjm ? [] : ['sptjm']),
];
