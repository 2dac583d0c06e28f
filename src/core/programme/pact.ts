/**
 * The rules of a unit's employee list and integrity pact (pakta integritas), pure: what a valid imported row
 * is, the default pact text, and the signing progress. PermenPANRB 90/2021 (Lampiran I Bab II.B): a unit
 * declares its Zona Integritas once its leader and all or most employees have signed the pact.
 */

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

export type ImportProblem = { line: number; field: string; message: string };

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

/**
 * Checks imported rows all at once so every problem is reported together: a name is required, a NIP when
 * present has 18 digits and appears once in the file and not already in the unit (`takenNips`), an e-mail
 * when present looks like one. `line` is the spreadsheet line (the header is line 1).
 */
export const checkEmployeeRows = (
  records: ReadonlyArray<{ line: number; cells: Partial<Record<keyof EmployeeRowInput, string>> }>,
  takenNips: ReadonlySet<string>,
): CheckedRows => {
  const problems: ImportProblem[] = [];
  const rows: CheckedRows['rows'] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    const before = problems.length;
    const name = (cells.name ?? '').trim();
    if (name === '') problems.push({ line, field: 'name', message: 'name is required' });
    else if (name.length > 200) problems.push({ line, field: 'name', message: 'name is longer than 200' });
    const nip = normaliseNip(cells.nip);
    if (nip !== null) {
      if (!isValidNip(nip))
        problems.push({ line, field: 'nip', message: `NIP must have ${NIP_LENGTH} digits (got "${nip}")` });
      else if (seen.has(nip))
        problems.push({ line, field: 'nip', message: `duplicate NIP in the file (line ${seen.get(nip)})` });
      else if (takenNips.has(nip))
        problems.push({ line, field: 'nip', message: `NIP ${nip} is already in the unit's list` });
      if (!seen.has(nip)) seen.set(nip, line);
    }
    const email = (cells.email ?? '').trim().toLowerCase();
    if (email !== '' && !EMAIL.test(email))
      problems.push({ line, field: 'email', message: `"${email}" is not an e-mail address` });
    const position = (cells.position ?? '').trim();
    const grade = (cells.grade ?? '').trim();
    if (position.length > 200) problems.push({ line, field: 'position', message: 'longer than 200' });
    if (grade.length > 100) problems.push({ line, field: 'grade', message: 'longer than 100' });
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
