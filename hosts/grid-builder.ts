// Builds the cell grids of one workbook within LIMITS, for every file reader (.xlsx, .xls/.et): rows past
// sheetRows and columns past sheetColumns are dropped, long texts cut, and the slots all sheets allocate
// (rows plus row lengths) are counted against LIMITS.cells — each cut reported as a note on its sheet.

import { LIMITS } from "../core/limits.ts";
import { type Cell, type SheetGrid, columnLetters, mergeArea } from "../core/tables/grid.ts";

/** What one workbook's sheets have used of LIMITS.cells, shared by its GridBuilders. */
export class WorkbookBudget {
  slots = 0;
  mergeWalk = 0;
}

export class GridBuilder {
  private readonly rows: Cell[][] = [];
  private readonly merges: string[] = [];
  private farCells = 0;
  private farRows = false;
  private cutTexts = 0;
  private full = false;
  private mergesLeft = 0;
  /** the sheet's last row number, when the reader can tell it cheaply after stopping at sheetRows */
  lastRow = 0;

  constructor(
    readonly name: string,
    private readonly budget: WorkbookBudget,
  ) {}

  /** False once the sheet may take no more rows (past sheetRows, or the workbook's cells used up). */
  get open(): boolean {
    return !this.full && !this.farRows;
  }

  /** True once a row past sheetRows was met. */
  get cut(): boolean {
    return this.farRows;
  }

  /** Makes sure row r exists (a row element with no cells still counts, as in Excel's own model). */
  row(r: number): Cell[] | null {
    if (r >= LIMITS.sheetRows) {
      this.farRows = true;
      return null;
    }
    const rows = this.rows;
    if (r >= rows.length) {
      if (!this.take(r + 1 - rows.length)) return null;
      while (rows.length <= r) rows.push([]);
    }
    return rows[r]!;
  }

  /** Puts a value at (r, c); a null still widens the row (a formatted empty cell). */
  set(r: number, c: number, value: Cell): void {
    if (c >= LIMITS.sheetColumns) {
      this.farCells++;
      return;
    }
    const row = this.row(r);
    if (!row) return;
    if (c >= row.length) {
      if (!this.take(c + 1 - row.length)) return;
      while (row.length <= c) row.push(null);
    }
    if (typeof value === "string" && value.length > LIMITS.cellText) {
      value = value.slice(0, LIMITS.cellText);
      this.cutTexts++;
    }
    row[c] = value;
  }

  /**
   * A merged area: kept as written, and (as Excel's model has it) every other cell of it blank and
   * present. Clipped to the sheet's limits before it is walked.
   */
  merge(ref: string): void {
    if (this.merges.length >= LIMITS.merges) {
      this.mergesLeft++;
      return;
    }
    const area = mergeArea(ref);
    if (!area) return;
    const bottom = Math.min(area.bottom, LIMITS.sheetRows - 1);
    const right = Math.min(area.right, LIMITS.sheetColumns - 1);
    const size = (bottom - area.top + 1) * (right - area.left + 1);
    if (size <= 0 || size > LIMITS.mergeCells || this.budget.mergeWalk + size > LIMITS.cells) {
      this.mergesLeft++;
      return;
    }
    this.budget.mergeWalk += size;
    this.merges.push(`${columnLetters(area.left)}${area.top + 1}:${columnLetters(area.right)}${area.bottom + 1}`);
    for (let r = area.top; r <= bottom; r++) {
      for (let c = area.left; c <= right; c++) if (r > area.top || c > area.left) this.set(r, c, null);
    }
  }

  finish(): SheetGrid {
    const notes: string[] = [];
    const sheet = `工作表“${this.name}”`;
    if (this.farRows) notes.push(`${sheet}${this.lastRow > LIMITS.sheetRows ? `有 ${this.lastRow} 行` : `超过 ${LIMITS.sheetRows} 行`}，只读取前 ${LIMITS.sheetRows} 行`);
    if (this.farCells) notes.push(`${sheet}第 ${LIMITS.sheetColumns} 列以后的 ${this.farCells} 个单元格未读取`);
    if (this.cutTexts) notes.push(`${sheet}有 ${this.cutTexts} 个单元格的文字超过 ${LIMITS.cellText} 字，只读取了前 ${LIMITS.cellText} 字`);
    if (this.mergesLeft) notes.push(`${sheet}有 ${this.mergesLeft} 个合并区域过大或过多，未按合并读取`);
    if (this.full) notes.push(`工作簿的单元格超过 ${LIMITS.cells} 个，${sheet}及其后的内容未全部读取`);
    const grid: SheetGrid = { name: this.name, cells: this.rows, merges: this.merges };
    if (notes.length) grid.notes = notes;
    return grid;
  }

  private take(slots: number): boolean {
    if (this.full || this.budget.slots + slots > LIMITS.cells) {
      this.full = true;
      return false;
    }
    this.budget.slots += slots;
    return true;
  }
}
