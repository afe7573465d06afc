// One worksheet's XML scanned once, tag by tag with indexOf: each <c> becomes its value (shared or inline
// string, number, boolean, cached formula result, error text such as "#DIV/0!", date as YYYY-MM-DD) placed by
// its address into a GridBuilder, then the <mergeCell> areas. Broken XML ends the scan; it never backtracks.

import type { Cell } from "../core/tables/grid.ts";
import type { GridBuilder } from "./grid-builder.ts";
import { attr, decodeXml, runsText } from "./xml-text.ts";

export interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

const DAY_MS = 86_400_000;

export function scanSheet(xml: string, grid: GridBuilder, ctx: SheetContext): void {
  const p = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(xml)?.[1] ?? "";
  const rowTag = `<${p}row`;
  const cellTag = `<${p}c`;
  const cellEnd = `</${p}c>`;
  const start = xml.indexOf(`<${p}sheetData`);
  let end = start < 0 ? -1 : xml.indexOf(`</${p}sheetData>`, start);
  if (end < 0) end = start < 0 ? 0 : xml.length;
  let row = -1;
  let col = -1;
  for (let i = start < 0 ? -1 : xml.indexOf("<", start + 1); i >= 0 && i < end && grid.open; i = xml.indexOf("<", i + 1)) {
    if (isTag(xml, i, rowTag)) {
      const gt = xml.indexOf(">", i);
      if (gt < 0) break;
      const r = attr(xml.slice(i, gt), "r");
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
      if (!(row >= 0)) break;
      grid.row(row);
      i = gt;
    } else if (isTag(xml, i, cellTag)) {
      const gt = xml.indexOf(">", i);
      if (gt < 0) break;
      const tag = xml.slice(i, gt);
      const ref = attr(tag, "r");
      const at = ref ? address(ref) : null;
      if (row < 0) row = 0;
      if (at) {
        if (at.row !== row) grid.row(at.row);
        row = at.row;
        col = at.col;
      } else col++;
      if (xml.charCodeAt(gt - 1) === 47) {
        grid.set(row, col, null);
        i = gt;
        continue;
      }
      const close = xml.indexOf(cellEnd, gt);
      if (close < 0) break;
      grid.set(row, col, cellValue(xml.slice(gt + 1, close), tag, p, ctx));
      i = close;
    }
  }
  if (grid.cut) {
    const last = xml.lastIndexOf(rowTag, end);
    const r = last >= 0 ? Number(attr(xml.slice(last, xml.indexOf(">", last) >>> 0), "r")) : 0;
    if (r > 0) grid.lastRow = r;
  }
  const mergeTag = `<${p}mergeCell `;
  for (let i = xml.indexOf(mergeTag, end); i >= 0; i = xml.indexOf(mergeTag, i + 1)) {
    const ref = attr(xml.slice(i, xml.indexOf(">", i)), "ref");
    if (ref) grid.merge(ref);
  }
}

function isTag(xml: string, i: number, tag: string): boolean {
  if (!xml.startsWith(tag, i)) return false;
  const next = xml.charCodeAt(i + tag.length);
  return next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13;
}

function address(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const ch = ref.charCodeAt(i) | 32;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  let row = 0;
  const digits = ref.length - i;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (col === 0 || digits < 1 || digits > 7 || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

/** The text between <v> and </v> (or null), searched only inside the cell's own content. */
function valueText(content: string, p: string): string | null {
  const open = content.indexOf(`<${p}v>`);
  if (open < 0) return null;
  const from = open + p.length + 3;
  const close = content.indexOf(`</${p}v>`, from);
  return close < 0 ? null : content.slice(from, close);
}

function cellValue(content: string, tag: string, p: string, ctx: SheetContext): Cell {
  const type = attr(tag, "t");
  if (type === "inlineStr") {
    const is = content.indexOf(`<${p}is>`);
    return is < 0 ? null : runsText(content.slice(is), p);
  }
  const v = valueText(content, p);
  if (v === null) return null;
  switch (type) {
    case "s":
      return ctx.strings[Number(v)] ?? null;
    case "str":
      return decodeXml(v);
    case "b":
      return Number(v) !== 0;
    case "e":
      return decodeXml(v).trim();
    case "d":
      return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : decodeXml(v);
    default: {
      const n = Number.parseFloat(v);
      if (Number.isNaN(n)) return decodeXml(v);
      const style = attr(tag, "s");
      return style && ctx.dateStyles[Number(style)] ? dateText(n, ctx.date1904) ?? n : n;
    }
  }
}

/** An Excel serial day as YYYY-MM-DD (UTC, as Excel has no time zone), or null out of range. */
export function dateText(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().slice(0, 10) : null;
}
