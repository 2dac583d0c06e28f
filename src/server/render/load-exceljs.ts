/**
 * exceljs costs ~30 MB and over a second to load, for spreadsheets a unit reads or writes a few times a year:
 * loaded on first use, not at start (issue 14). Node caches the module, so later calls are immediate.
 */
export const loadExcelJs = async () => (await import('exceljs')).default;
