// The one set of input limits every reader applies before its work grows with the input: a file, a sheet, a
// cell, a merged area, a text. Hosts refuse past them with a one-line Chinese message (InputTooLarge).

export const LIMITS = {
  /** bytes of one file or request body */
  fileBytes: 10 * 1024 * 1024,
  /** bytes one entry of an .xlsx zip may inflate to (sheet XML, shared strings) */
  unpackedEntryBytes: 64 * 1024 * 1024,
  /** bytes all entries of one .xlsx together may inflate to */
  unpackedTotalBytes: 160 * 1024 * 1024,
  /** rows of one sheet that are read (the rest is reported as not read) */
  sheetRows: 5_000,
  /** columns of one sheet that are read; a disclosure table has fewer than 40 */
  sheetColumns: 256,
  /** cells of all sheets of one workbook or request */
  cells: 500_000,
  /** characters of one cell's text */
  cellText: 2_000,
  /** cells one merged area may cover (after clipping to the sheet) */
  mergeCells: 100_000,
  /** merged areas of one sheet */
  merges: 20_000,
  /** characters of one narrative text */
  textChars: 2_000_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** A refusal of input that is over a limit: the message is one Chinese sentence a clerk can act on. */
export class InputTooLarge extends Error {
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message);
  }
}
