// The figures a narrative needs that the tables do not carry (prior-year totals, 年初预算, 机关运行经费 …),
// read from the supplementary sheet a template defines: rows of a label (or key) and a value.

import { Decimal } from "../decimal.ts";
import { tryReadFigure } from "../figure-input.ts";
import { type SheetGrid, labelText } from "../tables/grid.ts";
import type { Template } from "../templates/template.ts";

export type Supplementary = Map<string, Decimal>;

export const SUPPLEMENTARY_SHEET = /^(补充资料|补充信息|补充数据)/;

/** key → value from the sheet named 补充资料 (by key, or by the label the template gives the key). */
export function readSupplementary(sheets: SheetGrid[], template: Template | null): Supplementary {
  const out: Supplementary = new Map();
  const sheet = sheets.find((s) => SUPPLEMENTARY_SHEET.test(s.name));
  if (!sheet) return out;
  const byLabel = new Map((template?.supplementary?.fields ?? []).map((f) => [labelText(f.label), f.key]));
  for (const row of sheet.cells) {
    const label = labelText(row[0]);
    const value = row.slice(1).map(tryReadFigure).find((v): v is Decimal => v instanceof Decimal);
    if (!label || !value) continue;
    out.set(byLabel.get(label) ?? label, value);
  }
  return out;
}
