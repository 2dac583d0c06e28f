/**
 * CSV bytes as text: UTF-8 when they are (with or without BOM), else Windows-1252, which is what Excel's plain
 * "CSV" writes on Windows, so "Sekretariat — Umum" or an é in a name survive instead of becoming �.
 */
export const decodeCsv = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
};
