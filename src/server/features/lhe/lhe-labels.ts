/** The words the LHE prints for the workflow's codes: a person never reads a status or stage code. */

export const STATUS_WORDS: Readonly<Record<string, string>> = {
  draft: 'Draf penilaian mandiri',
  submitted: 'Diajukan kepada pimpinan unit',
  preliminary_review: 'Penilaian pendahuluan',
  tpi_review: 'Evaluasi TPI',
  returned: 'Dikembalikan untuk perbaikan',
  resubmitted: 'Perbaikan diajukan kembali',
  tpi_verdict_meets: 'TPI: memenuhi syarat',
  tpi_verdict_not_meets: 'TPI: tidak memenuhi syarat',
  proposed: 'Diusulkan kepada TPN',
  tpn_desk: 'Evaluasi dokumen TPN',
  tpn_field: 'Evaluasi lapangan TPN',
  decided_wbk: 'Ditetapkan sebagai WBK',
  decided_wbbm: 'Ditetapkan sebagai WBBM',
  not_awarded: 'Tidak mendapat predikat',
  revoked: 'Predikat dicabut',
};

export const ACTION_WORDS: Readonly<Record<string, string>> = {
  submit: 'Penilaian diajukan',
  approve_to_tpi: 'Disetujui pimpinan dan diteruskan kepada TPI',
  approve_to_preliminary: 'Disetujui pimpinan dan diteruskan ke penilaian pendahuluan',
  preliminary_pass: 'Lolos penilaian pendahuluan',
  tpi_complete_stage: 'Tahap evaluasi TPI diselesaikan',
  tpi_find_meets: 'TPI menyatakan memenuhi syarat',
  tpi_find_not_meets: 'TPI menyatakan tidak memenuhi syarat',
  propose: 'Diusulkan kepada TPN',
  tpn_start_field: 'Evaluasi dokumen TPN selesai, evaluasi lapangan dimulai',
  tpn_not_award: 'TPN: tidak mendapat predikat',
  decide_wbk: 'TPN menetapkan predikat WBK',
  decide_wbbm: 'TPN menetapkan predikat WBBM',
  revoke: 'Predikat dicabut',
};

/** Positions in a TPI team. */
export const POSITION_WORDS: Readonly<Record<string, string>> = {
  member: 'Anggota',
  team_lead: 'Ketua Tim',
  quality_controller: 'Pengendali Mutu',
};

/** A code without its own words, made readable ("inspektur_wilayah" → "Inspektur wilayah"). */
export const readable = (code: string): string => {
  const words = code.replace(/[_:]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const wordsFor = (table: Readonly<Record<string, string>>, code: string): string =>
  table[code] ?? readable(code);
