// How the custom functions read their arguments: Excel's blanks, numbers and numeric text become exact
// decimals; an omitted optional argument (null) takes its default.

import { Decimal } from "../core/decimal.ts";
import { badInput } from "../core/errors.ts";
import { readFigureOrZero } from "../core/figure-input.ts";

/** A figure argument; a blank cell counts as 0, as it does in Excel's own arithmetic. */
export const figure = (value: unknown): Decimal => readFigureOrZero(value);

/** The cells of a range argument, row by row. */
export function cells(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  return range.flatMap((row) => (Array.isArray(row) ? row : [row]));
}

/** An optional edition year: null when omitted or blank, else a four-digit year. */
export function editionYear(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value) && value >= 2000 && value <= 2100) return value;
  if (value === null || value === undefined || value === "") return null;
  const year = figure(value).toNumber();
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(`“${String(value)}”不是年份`);
  return year;
}
