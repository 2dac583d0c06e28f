/**
 * The rules of a unit's employee list and integrity pact (pakta integritas), pure: what a valid imported row
 * is, the default pact text, and the signing progress. PermenPANRB 90/2021 (Lampiran I Bab II.B): a unit
 * declares its Zona Integritas once its leader and all or most employees have signed the pact.
 */

import { isScientificNumber, type SheetProblem } from '../shared/sheet.ts';

/** A NIP (Nomor Induk Pegawai) has 18 digits; people write it with spaces or dots between its parts. */
export const NIP_LENGTH = 18;

/** Digits only, or null when blank (contract staff without a NIP). */
export const normaliseNip = (raw: string | null | undefined): string | null => {
  const text = (raw ?? '').replace(/[\s.\-']/g, '');
  return text === '' ? null : text;
};

export const isValidNip = (nip: string): boolean => new RegExp(`^\\d{${NIP_LENGTH}}$`).test(nip);

export type EmployeeRowInput = {
  name: string;
  nip: string | null;
  position: string;
  grade: string;
  email: string | null;
};

/** A problem of an imported row, by row, column and code (see core/shared/sheet.ts). */
export type ImportProblem = SheetProblem;

/** Column names as people write them in Indonesian or English spreadsheets, to our fields. */
const HEADER_ALIASES: Record<string, keyof EmployeeRowInput> = {
  nama: 'name',
  name: 'name',
  nip: 'nip',
  jabatan: 'position',
  position: 'position',
  golongan: 'grade',
  'pangkat/golongan': 'grade',
  pangkat: 'grade',
  grade: 'grade',
  email: 'email',
  'e-mail': 'email',
  surel: 'email',
};

/** The field a header cell names, or undefined for a column we ignore. */
export const fieldOfHeader = (header: string): keyof EmployeeRowInput | undefined =>
  HEADER_ALIASES[header.trim().toLowerCase()];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type CheckedRows = { rows: Array<{ line: number; row: EmployeeRowInput }>; problems: ImportProblem[] };

/** Where each field sits in the file, as a column letter (A, B…), so a problem names the cell. */
export type ColumnLetters = Partial<Record<keyof EmployeeRowInput, string>>;

/**
 * Checks imported rows all at once so every problem is reported together: a name is required, a NIP when
 * present has 18 digits and appears once in the file and not already in the unit (`takenNips`), an e-mail
 * when present looks like one. `line` is the spreadsheet row (the header is row 1).
 */
export const checkEmployeeRows = (
  records: ReadonlyArray<{ line: number; cells: Partial<Record<keyof EmployeeRowInput, string>> }>,
  takenNips: ReadonlySet<string>,
  columns: ColumnLetters = {},
): CheckedRows => {
  const problems: ImportProblem[] = [];
  const rows: CheckedRows['rows'] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    const before = problems.length;
    const report = (field: keyof EmployeeRowInput, code: string, message: string, value?: string) =>
      problems.push({
        line,
        field,
        column: columns[field] ?? null,
        code,
        message,
        ...(value === undefined ? {} : { value }),
      });
    const name = (cells.name ?? '').trim();
    if (name === '') report('name', 'NAME_REQUIRED', 'name is required');
    else if (name.length > 200) report('name', 'TOO_LONG', 'longer than 200 characters', '200');
    const rawNip = (cells.nip ?? '').trim();
    const nip = normaliseNip(cells.nip);
    if (isScientificNumber(rawNip))
      report(
        'nip',
        'NIP_AS_NUMBER',
        `the NIP was saved as a number (${rawNip}); its digits are lost`,
        rawNip,
      );
    else if (nip !== null) {
      if (!isValidNip(nip))
        report('nip', 'NIP_DIGITS', `NIP must have ${NIP_LENGTH} digits (got "${nip}")`, nip);
      else if (seen.has(nip))
        report(
          'nip',
          'NIP_DUPLICATE',
          `duplicate NIP in the file (row ${seen.get(nip)})`,
          String(seen.get(nip)),
        );
      else if (takenNips.has(nip))
        report('nip', 'NIP_ON_LIST', `NIP ${nip} is already in the unit's list`, nip);
      if (!seen.has(nip)) seen.set(nip, line);
    }
    const email = (cells.email ?? '').trim().toLowerCase();
    if (email !== '' && !EMAIL.test(email))
      report('email', 'EMAIL_INVALID', `"${email}" is not an e-mail address`, email);
    const position = (cells.position ?? '').trim();
    const grade = (cells.grade ?? '').trim();
    if (position.length > 200) report('position', 'TOO_LONG', 'longer than 200 characters', '200');
    if (grade.length > 100) report('grade', 'TOO_LONG', 'longer than 100 characters', '100');
    if (problems.length === before)
      rows.push({ line, row: { name, nip, position, grade, email: email === '' ? null : email } });
  }
  return { rows, problems };
};

/** Whole-number percentage of signers, rounded down so 99.6 % never shows as 100 %. */
export const signedPercent = (signed: number, total: number): number =>
  total === 0 ? 0 : Math.floor((signed * 100) / total);

/**
 * The default pact text, after the general form of the Pakta Integritas (PermenPAN 49/2011, used by units
 * building a Zona Integritas under PermenPANRB 90/2021). The unit may edit it; each edit is a new version.
 */
export const defaultPactText = (unitName: string): string =>
  [
    'PAKTA INTEGRITAS',
    '',
    `Dalam rangka pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) dan Wilayah Birokrasi Bersih dan Melayani (WBBM) di lingkungan ${unitName}, saya yang menandatangani pakta ini menyatakan bahwa saya:`,
    '',
    '1. Berperan secara proaktif dalam upaya pencegahan dan pemberantasan korupsi, kolusi, dan nepotisme, serta tidak melibatkan diri dalam perbuatan tercela;',
    '2. Tidak meminta atau menerima pemberian secara langsung atau tidak langsung berupa suap, hadiah, bantuan, atau bentuk lainnya yang tidak sesuai dengan ketentuan yang berlaku;',
    '3. Bersikap transparan, jujur, objektif, dan akuntabel dalam melaksanakan tugas;',
    '4. Menghindari pertentangan kepentingan (conflict of interest) dalam pelaksanaan tugas;',
    '5. Memberi contoh dalam kepatuhan terhadap peraturan perundang-undangan dalam melaksanakan tugas, terutama kepada pegawai yang berada di bawah pengawasan saya dan sesama pegawai di lingkungan kerja saya secara konsisten;',
    `6. Akan menyampaikan informasi penyimpangan integritas di ${unitName} serta turut menjaga kerahasiaan saksi atas pelanggaran peraturan yang dilaporkan;`,
    '7. Bila saya melanggar hal-hal tersebut di atas, saya siap menghadapi konsekuensinya sesuai dengan ketentuan peraturan perundang-undangan.',
  ].join('\n');

/** The LKE item whose typical evidence is "Dokumen pakta integritas" (Appendix A, template checklist entry 0). */
export const PACT_LKE_ITEM = { code: 'P1.iv.d', checklistIndex: 0 } as const;
