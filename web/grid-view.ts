// One sheet drawn as a grid with column letters and row numbers, the finding's cell marked and its related
// cells outlined — a picture of the clerk's own table, limited to the rows around the marked cells.

import { type CellRef, type SheetGrid, columnLetters, parseA1 } from "../core/tables/grid.ts";
import { h } from "../addin/pane/dom.ts";

/** rows shown above and below the marked cells; a disclosure table fits, a 5,000-row sheet does not */
const CONTEXT_ROWS = 30;

/** a figure as its 万元 cell shows it (two decimals); other numbers (栏次, counts) and text as they are */
const shown = (v: unknown) => {
  if (v === null || v === undefined) return "";
  if (typeof v !== "number") return String(v);
  return Number.isInteger(v) || Math.abs(v * 100 - Math.round(v * 100)) > 1e-6 ? String(v) : v.toFixed(2);
};

/** `marked` null: a sheet that holds only related cells (the other side of a cross-table finding). */
export function gridView(grid: SheetGrid, marked: CellRef | null, related: CellRef[]): HTMLElement {
  const at = grid.origin ?? { row: 0, col: 0 };
  const pos = (ref: CellRef) => {
    const p = parseA1(ref.cell);
    return { row: p.row - at.row, col: p.col - at.col };
  };
  const target = marked ? pos(marked) : { row: -1, col: -1 };
  const others = new Set(related.filter((r) => r.sheet === grid.name).map((r) => r.cell));
  const rows = [...(marked ? [target.row] : []), ...[...others].map((c) => pos({ sheet: grid.name, cell: c }).row)];
  const first = Math.max(0, Math.min(...rows) - CONTEXT_ROWS);
  const last = Math.min(grid.cells.length - 1, Math.max(...rows) + CONTEXT_ROWS);
  const width = Math.max(target.col + 1, ...grid.cells.slice(first, last + 1).map((r) => r.length));
  const head = h("tr", {}, h("th", { scope: "col" }, ""), ...Array.from({ length: width }, (_, c) => h("th", { scope: "col" }, columnLetters(c + at.col))));
  const body: HTMLElement[] = [];
  for (let r = first; r <= last; r++) {
    const row = grid.cells[r] ?? [];
    const cells = Array.from({ length: width }, (_, c) => {
      const address = `${columnLetters(c + at.col)}${r + at.row + 1}`;
      const isTarget = r === target.row && c === target.col;
      const cls = isTarget ? "marked" : others.has(address) ? "related" : "";
      return h("td", { class: cls || false, "data-cell": address, "aria-label": isTarget ? `${address}（有问题的单元格）` : others.has(address) ? `${address}（相关单元格）` : false }, shown(row[c]));
    });
    body.push(h("tr", {}, h("th", { scope: "row" }, String(r + at.row + 1)), ...cells));
  }
  return h(
    "div",
    { class: "grid-wrap", role: "region", "aria-label": `工作表“${grid.name}”，标出 ${marked ? marked.cell : [...others].join("、")}`, tabindex: "0" },
    h("table", { class: "grid" }, h("caption", {}, `${grid.name}（第 ${first + at.row + 1}–${last + at.row + 1} 行）`), h("thead", {}, head), h("tbody", {}, ...body)),
  );
}

/** Scrolls each drawn grid (once on the page) so its marked cell, or first related cell, is in the middle. */
export function centreMarks(container: HTMLElement): void {
  for (const wrap of container.querySelectorAll<HTMLElement>(".grid-wrap")) {
    const cell = wrap.querySelector<HTMLElement>("td.marked") ?? wrap.querySelector<HTMLElement>("td.related");
    if (!cell) continue;
    wrap.scrollTop = cell.offsetTop - wrap.clientHeight / 2;
    wrap.scrollLeft = cell.offsetLeft - wrap.clientWidth / 2;
  }
}
