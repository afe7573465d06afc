// Reads the body rows of a coded table: codes from one column or three (类|款|项, carried down when blank),
// or only names (with （类）/（款）/（项） markers or indentation); figures by column key; notes below.

import { label } from "./labels.ts";
import { type CodeLevel, levelOf, normalizeCode } from "../codes/code-format.ts";
import { Decimal } from "../decimal.ts";
import { DomainError } from "../errors.ts";
import { readFigure } from "../figure-input.ts";
import type { AmountUnit } from "./amount-unit.ts";
import { type Cell, type CellRef, type SheetGrid, addressOf } from "./grid.ts";
import { bodyRows } from "./header.ts";
import type { CodedRow, Figure } from "./model.ts";

export interface CellProblem {
  at: CellRef;
  message: string;
}

export interface RowLayout {
  /** one code column, or the 类/款/项 columns */
  code: number | null;
  split: { 类: number; 款: number | null; 项: number | null } | null;
  name: number | null;
  amounts: Map<string, number>;
  unit: AmountUnit;
}

const TOTAL = /^(合计|总计)$/;
const MARKER = /[(（](类|款|项)[)）]$/;

export function readFigureCell(grid: SheetGrid, cells: Cell[][], r: number, c: number, problems: CellProblem[], unit: AmountUnit): Figure {
  const at = addressOf(grid, r, c);
  const raw = cells[r]?.[c];
  // most figures are numbers with at most 2 decimals: exact in cents without the general reader's text work
  // (below 10¹⁵ cents a double that is a whole number of cents is exactly the figure Excel shows)
  if (typeof raw === "number") {
    const cents = raw * 100;
    if (Number.isInteger(cents) && Math.abs(cents) < 1e15) return { value: Decimal.of(BigInt(cents), 2), at, blank: false, unit };
  }
  try {
    const v = readFigure(raw);
    return { value: v ?? Decimal.ZERO, at, blank: v === null, unit };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    problems.push({ at, message: `${err.message}（金额单元格应为数字）` });
    return { value: Decimal.ZERO, at, blank: true, invalid: true, unit };
  }
}

/**
 * One part of a split code as digits of its width: 类 3, 款 and 项 2. A number cell lost its leading zero
 * (款 02 typed as 2) and gets it back; the level comes from the digits, never from the cell's type.
 */
function codePart(row: Cell[], c: number | null, width: number): string {
  if (c === null) return "";
  const digits = label(row[c]).replace(/\D/g, "");
  return digits && digits.length < width ? digits.padStart(width, "0") : digits;
}

export function readCodedRows(
  grid: SheetGrid,
  cells: Cell[][],
  layout: RowLayout,
  from: number,
  to: number,
  problems: CellProblem[],
): { rows: CodedRow[]; notes: string[]; levelsUnknown: boolean } {
  const rows: CodedRow[] = [];
  const notes: string[] = [];
  const indents: number[] = [];
  let markers = 0;
  const byIndent: CodedRow[] = [];
  let carried = { 类: "", 款: "" };
  for (const [r, row] of bodyRows(cells, from, to, notes, layout.amounts.values())) {
    const nameRaw = layout.name !== null ? row[layout.name] : null;
    // names keep their own characters for messages; matching goes through nameKey
    let name = typeof nameRaw === "string" ? nameRaw.replace(/\s+/g, "") : label(nameRaw);
    let code: string | null = null;
    let codeAt: CellRef | null = null;
    if (layout.split) {
      let l = codePart(row, layout.split.类, 3);
      let k = codePart(row, layout.split.款, 2);
      let x = codePart(row, layout.split.项, 2);
      // no 款 column: a 项 cell of four digits holds 款 and 项 together
      if (layout.split.款 === null && x.length === 4) {
        k = x.slice(0, 2);
        x = x.slice(2);
      }
      if (!l && (k || x)) l = carried.类;
      if (!k && x && layout.split.款 !== null) k = carried.款;
      if (l.length === 3) carried = { 类: l, 款: k.length === 2 ? k : "" };
      // a 项 whose 款 cannot be told has no code rather than its 类's
      code = x && !k ? null : normalizeCode(l + (k.length === 2 ? k : "") + (k.length === 2 && x.length === 2 ? x : ""));
      codeAt = addressOf(grid, r, layout.split.类);
    } else if (layout.code !== null) {
      code = normalizeCode(row[layout.code]);
      codeAt = addressOf(grid, r, layout.code);
      if (!name && !code) name = String(row[layout.code] ?? "").replace(/\s+/g, "");
    }
    if (!code && !layout.split) {
      // "2040250 事业运行" or "2040250事业运行" in the name column
      const m = /^([23]\d{2}(?:\d{2}){0,2})(.*)$/.exec(name);
      if (m && normalizeCode(m[1])) {
        code = m[1]!;
        name = m[2]!;
      }
    }
    const isTotal = TOTAL.test(label(name)) || TOTAL.test(label(row[layout.code ?? layout.split?.类 ?? -1]));
    if (!name && !code && !isTotal) continue;
    let level: CodeLevel | null = code ? levelOf(code) : null;
    if (!level && !isTotal) {
      const marker = MARKER.exec(label(name));
      if (marker) {
        level = marker[1] as CodeLevel;
        markers++;
      } else if (typeof nameRaw === "string") level = indentLevel(nameRaw, indents);
      name = name.replace(/[(（](类|款|项)[)）]$/, "");
    }
    const figures: Record<string, Figure> = {};
    for (const [key, c] of layout.amounts) figures[key] = readFigureCell(grid, cells, r, c, problems, layout.unit);
    const levelFromIndent = !code && !isTotal && level !== null && !MARKER.test(label(nameRaw));
    rows.push({
      code,
      name: isTotal ? "合计" : name,
      level: isTotal ? null : level,
      isTotal,
      figures,
      nameAt: addressOf(grid, r, layout.name ?? layout.code ?? layout.split?.类 ?? 0),
      codeAt,
    });
    if (levelFromIndent) byIndent.push(rows.at(-1)!);
  }
  // names alone, all at one indentation and without （类）/（款）/（项）: the levels cannot be told
  const levelsUnknown = byIndent.length > 0 && markers === 0 && indents.length < 2;
  if (levelsUnknown) for (const row of byIndent) row.level = null;
  return { rows, notes, levelsUnknown };
}

/** Levels from leading spaces: the shallowest indentation seen is 类, the next 款, then 项. */
function indentLevel(raw: string, seen: number[]): CodeLevel {
  const width = /^[\s\u3000]*/.exec(raw)![0].length;
  if (!seen.includes(width)) {
    seen.push(width);
    seen.sort((a, b) => a - b);
  }
  return (["类", "款", "项"] as const)[Math.min(seen.indexOf(width), 2)]!;
}
