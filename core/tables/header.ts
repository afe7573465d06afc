// Finds a table's header under its title: the rows of labels (multi-row, merged, with or without a 栏次 row)
// and, per column, one composed label ("本年支出/基本支出") for the column maps to match.

import { label } from "./labels.ts";
import { type Cell, isBlank } from "./grid.ts";
import { tryReadFigure } from "../figure-input.ts";
import { type AmountUnit, splitLabelUnit, statedUnit } from "./amount-unit.ts";

export interface Header {
  /** first and last header row (inclusive) */
  top: number;
  bottom: number;
  /** composed label of each column: its header cells top to bottom, joined by "/" */
  labels: string[];
  /** first row after the header (and after a 栏次 row) */
  firstDataRow: number;
  /** the money unit a header cell states ("决算数（元）"), or a 单位 line just above the header */
  unit: AmountUnit | null;
}

const META = /^(编制单位|填报单位|单位[:：]|金额单位|公开\d+表|部门[:：]|\d{4}年度?$)/;
const NUMBERING = /^([一二三四五六七八九十]+、|[(（]([一二三四五六七八九十]+|\d+)[)）]|\d+[.、．])/;
const TOTAL = /^(合计|总计|本年(收入|支出)合计)$/;

export function isNumeric(v: Cell | undefined): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string" || v.trim() === "") return false;
  return tryReadFigure(v) != null;
}

/** A 栏次 row: labelled 栏次, or the integers 1, 2, 3 … in order. */
export function isColumnNumberRow(row: Cell[]): boolean {
  if (row.some((c) => /^栏次$/.test(label(c)))) return true;
  const nums = row.filter((c) => !isBlank(c));
  if (nums.length < 3) return false;
  return nums.every((c, i) => isNumeric(c) && Number(label(c)) === i + 1);
}

export function isMetaRow(row: Cell[]): boolean {
  const texts = row.map((c) => label(c)).filter(Boolean);
  return texts.length > 0 && texts.every((t) => META.test(t) || /^[(（]?(金额)?单位[:：]?(千元|万元|亿元|元)[)）]?$/.test(t));
}

/**
 * A row of figures or of row labels. A 合计 label alone (an empty table's total row) counts too; headers say 合计
 * as well, but beside other labels.
 */
function isDataLike(row: Cell[]): boolean {
  const texts = row.filter((c) => !isBlank(c));
  if (texts.length && texts.every((c) => TOTAL.test(label(c)))) return true;
  return row.some((c) => {
    if (isNumeric(c)) return true;
    const t = label(c);
    return NUMBERING.test(t) || /[(（](类|款|项)[)）]$/.test(t);
  });
}

/**
 * The header below `start` (the row after the title) and before `end`; null when there is none.
 * `inferMerges`: the host could not say which cells are merged (a custom function sees only values), so a
 * group label above several columns is carried right over the blanks beside it that have labels below.
 */
export function findHeader(cells: Cell[][], start: number, end: number, inferMerges = false): Header | null {
  let top = start;
  let unit: AmountUnit | null = null;
  while (top < end && (cells[top]!.every(isBlank) || isMetaRow(cells[top]!))) {
    for (const c of cells[top]!) unit ??= statedUnit(label(c));
    top++;
  }
  if (top >= end) return null;
  let bottom = top;
  let firstDataRow = top + 1;
  for (let r = top; r < end && r < top + 6; r++) {
    const row = cells[r]!;
    if (isColumnNumberRow(row)) {
      firstDataRow = r + 1;
      break;
    }
    if (r > top && isDataLike(row)) {
      firstDataRow = r;
      break;
    }
    if (!row.every(isBlank)) bottom = r;
    firstDataRow = r + 1;
  }
  const width = Math.max(0, ...cells.slice(top, bottom + 1).map((r) => r.length));
  const rows = cells.slice(top, bottom + 1).map((r) =>
    Array.from({ length: width }, (_, c) => {
      if (isNumeric(r[c])) return "";
      const split = splitLabelUnit(label(r[c]));
      unit ??= split.unit;
      return split.label;
    }),
  );
  if (inferMerges) {
    for (let r = 0; r < rows.length - 1; r++) {
      for (let c = 1; c < width; c++) {
        const below = rows.slice(r + 1).some((row) => row[c] !== "");
        // a group label spreads only under the same parent group (the rows above agree)
        const sameParent = rows.slice(0, r).every((row) => row[c] === row[c - 1]);
        if (rows[r]![c] === "" && rows[r]![c - 1] !== "" && below && sameParent) rows[r]![c] = rows[r]![c - 1]!;
      }
    }
  }
  const labels = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of rows) if (row[c] && parts[parts.length - 1] !== row[c]) parts.push(row[c]!);
    return parts.join("/");
  });
  return { top, bottom, labels, firstDataRow, unit };
}

/** The label without its numbering ("一、", "（二）", "3.") or a leading "其中：". */
export function stripNumbering(text: string): { key: string; numbered: boolean; sub: boolean } {
  let t = label(text);
  const sub = /^其中[:：]?/.test(t);
  t = t.replace(/^其中[:：]?/, "");
  const numbered = NUMBERING.test(t);
  return { key: t.replace(NUMBERING, ""), numbered, sub };
}

export const NOTE = /^(注|说明|备注)[:：]|本表|空表|无数据|故无|没有.*(收入|支出)/;

/**
 * The text of a note row (注：…, 说明：…, 本表为空表): its first words say so and it holds no figure in
 * `figureColumns` (any column when not given). Null for every other row.
 */
export function noteText(row: Cell[], figureColumns?: Iterable<number>): string | null {
  if (!NOTE.test(label(row.find((c) => !isBlank(c))))) return null;
  const hasFigure = figureColumns ? [...figureColumns].some((c) => isNumeric(row[c])) : row.some(isNumeric);
  return hasFigure ? null : row.filter((c) => !isBlank(c)).map(String).join(" ");
}

/** The body rows of a table, below its header: blank rows passed over, note rows collected into `notes`. */
export function* bodyRows(cells: Cell[][], from: number, to: number, notes: string[], figureColumns?: Iterable<number>): Generator<[number, Cell[]]> {
  const cols = figureColumns ? [...figureColumns] : undefined;
  for (let r = from; r < to; r++) {
    const row = cells[r] ?? [];
    if (row.every(isBlank)) continue;
    const note = noteText(row, cols);
    if (note !== null) notes.push(note);
    else yield [r, row];
  }
}
