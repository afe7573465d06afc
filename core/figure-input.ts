// Reads a figure as spreadsheets and people hand it over: numbers, numeric text ("1,234.50", "２９４６．２５",
// "(12.00)"), blanks. Anything else is a DomainError("bad-input") with a Chinese message naming the value — a
// formula's cached error (#DIV/0!, #REF!…) named as the error it is, never read as 0.

import { Decimal } from "./decimal.ts";
import { badInput } from "./errors.ts";
import { toHalfWidth } from "./fullwidth.ts";

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+(\.\d*)?|\.\d+)$/;

/** What each spreadsheet error value means, as a clerk would put it. */
const FORMULA_ERRORS: Record<string, string> = {
  "#DIV/0!": "除数为零",
  "#REF!": "引用的单元格已删除或无效",
  "#VALUE!": "参与计算的值类型不对",
  "#N/A": "查找不到值",
  "#NAME?": "公式中有无法识别的名称",
  "#NUM!": "数值无效或超出范围",
  "#NULL!": "引用的区域没有交集",
  "#SPILL!": "溢出区域被占用",
  "#CALC!": "计算出错",
  "#GETTING_DATA": "数据尚未取回",
};

/** The error a cell shows (#DIV/0!, #REF!…) when its text is a spreadsheet error value, else null. */
export function formulaError(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 16) return null;
  const text = value.trim().toUpperCase();
  return Object.hasOwn(FORMULA_ERRORS, text) ? text : null;
}

/** A figure, or null for a blank (empty cell, empty text, whitespace). */
export function readFigure(value: unknown): Decimal | null {
  const figure = tryReadFigure(value);
  if (figure === undefined) {
    const error = formulaError(value);
    if (error) throw badInput(`公式结果为错误值 ${error}（${FORMULA_ERRORS[error]}），须改正公式`);
    const shown = typeof value === "string" ? value.trim() : String(value);
    throw badInput(typeof value === "number" ? `“${shown}”不是有效数字` : `“${shown}”不是数字`);
  }
  return figure;
}

/** Like readFigure, but undefined instead of an error for what is not a figure (cheap: no exception). */
export function tryReadFigure(value: unknown): Decimal | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? Decimal.fromNumber(value) : undefined;
  if (typeof value === "bigint") return Decimal.of(value);
  if (typeof value !== "string") return undefined;
  return readFigureText(value);
}

/** Like readFigure, with a blank read as zero (where the meaning allows it, e.g. an empty amount cell). */
export function readFigureOrZero(value: unknown): Decimal {
  return readFigure(value) ?? Decimal.ZERO;
}

function readFigureText(raw: string): Decimal | null | undefined {
  let text = toHalfWidth(raw).replace(/[\s\u00a0]/g, "").replace(/[−–]/g, "-");
  if (text === "") return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith("-") || text.startsWith("+")) {
    negative = negative !== text.startsWith("-");
    text = text.slice(1);
  }
  if (!PLAIN.test(text) && !GROUPED.test(text)) return undefined;
  const d = Decimal.parse(text.replace(/,/g, ""))!;
  return negative ? d.neg() : d;
}
