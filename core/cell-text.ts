// What juesuan writes into a spreadsheet cell from text it did not compose (template labels, clerks' reasons,
// narrative sentences): never a formula. Excel and WPS run a cell starting with = + - @ tab or CR as one.

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet would read this text as a formula (or DDE command) if written as is. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The text to write so that it stays text: a leading apostrophe, which Excel shows nowhere and keeps as the
 * cell's "quote prefix". Hosts that can set a cell's type to text (exceljs, Office.js numberFormat "@") may
 * do that instead; this is for those that write values only.
 */
export function safeCellText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
