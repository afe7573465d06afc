// Turns core's DomainErrors into the Excel errors a cell shows: #DIV/0! (no message allowed by Excel),
// #VALUE! and #N/A with the Chinese message on the cell's error flag.

import { DomainError } from "../core/errors.ts";

export function toExcelError(err: unknown): CustomFunctions.Error {
  const { Error: ExcelError, ErrorCode } = CustomFunctions;
  if (err instanceof DomainError) {
    if (err.kind === "divide-by-zero") return new ExcelError(ErrorCode.divisionByZero);
    if (err.kind === "not-available") return new ExcelError(ErrorCode.notAvailable, err.message);
    return new ExcelError(ErrorCode.invalidValue, err.message);
  }
  return new ExcelError(ErrorCode.invalidValue, `计算出错：${err instanceof Error ? err.message : String(err)}`);
}

/** Runs a function body, turning any failure into the Excel error that belongs in the cell. */
export function excel<T>(body: () => T): T {
  try {
    return body();
  } catch (err) {
    throw toExcelError(err);
  }
}

export async function excelAsync<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    throw toExcelError(err);
  }
}
