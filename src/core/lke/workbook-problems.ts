/**
 * Problems found in an LKE workbook, each with the cell it is about. `code` is stable (the web translates it
 * from `params`); `message` is the Indonesian sentence for the API and the command line.
 */
export type WorkbookProblemCode =
  | 'not_an_option'
  | 'not_a_count'
  | 'index_out_of_range'
  | 'cell_error'
  | 'duplicate_row'
  | 'item_not_found'
  | 'percent_without_counts'
  | 'core_refused'
  | 'survey_locked'
  | 'arithmetic';
/** An error stops the import from being applied; a warning is shown and the rest goes ahead. */
export type WorkbookProblem = {
  code: WorkbookProblemCode;
  severity: 'error' | 'warning';
  /** `LKE!F34`; empty for an item the workbook lacks. */
  cell: string;
  item: string;
  params: Record<string, string>;
  message: string;
};

/** Why the workbook's own figure differs from the regulation's, best guess first. */
export type ArithmeticCause =
  'typed_over' | 'weight_changed' | 'counted_twice' | 'wrong_range' | 'answer_value' | 'unknown';
export const CAUSE_TEXT: Record<ArithmeticCause, string> = {
  typed_over: 'rumus ditimpa angka yang diketik',
  weight_changed: 'bobot diubah',
  counted_twice: 'butir dihitung dua kali dalam rumus',
  wrong_range: 'rumus tidak mencakup butir yang seharusnya',
  answer_value: 'nilai jawaban tidak sesuai pilihan regulasi',
  unknown: 'rumus berbeda dari regulasi',
};

const TEXT: Record<WorkbookProblemCode, (p: Record<string, string>) => string> = {
  not_an_option: (p) => `${p.cell}: "${p.raw}" bukan jawaban ${p.item}; pilih ${p.options}`,
  not_a_count: (p) => `${p.cell}: ${p.item} berisi jumlah (bilangan bulat 0 atau lebih), bukan "${p.raw}"`,
  index_out_of_range: (p) => `${p.cell}: ${p.item} berisi nilai survei 0 sampai 4, bukan "${p.raw}"`,
  cell_error: (p) => `${p.cell}: sel berisi galat ${p.raw}; jawaban ${p.item} tidak terbaca`,
  duplicate_row: (p) => `${p.cell}: ${p.item} muncul dua kali (pertama di ${p.other}); baris ini diabaikan`,
  item_not_found: (p) => `${p.item} tidak ditemukan di lembar ${p.sheet}; jawabannya tidak diubah`,
  percent_without_counts: (p) =>
    `${p.cell}: persentase ${p.item} diketik tanpa jumlah masukannya; isi jumlahnya agar dapat dinilai`,
  core_refused: (p) => `${p.cell}: ${p.item} ditolak aturan penilaian: ${p.detail}`,
  survey_locked: (p) => `${p.cell}: jawaban ${p.item} berasal dari survei dan tidak diubah oleh impor`,
  arithmetic: (p) =>
    `${p.cell}: workbook menghitung ${p.found}, regulasi memberi ${p.expected} (${p.item}); kemungkinan: ${p.causeText}`,
};

export const problem = (
  code: WorkbookProblemCode,
  severity: WorkbookProblem['severity'],
  params: Record<string, string> & { cell: string; item: string },
): WorkbookProblem => ({
  code,
  severity,
  cell: params.cell,
  item: params.item,
  params,
  message: TEXT[code](params),
});
