// The shape of a classification code: which classification (功能 2xx / 经济 3xx), which level (类/款/项)
// and its ancestors — all from the digits alone, so it needs no edition.

import { toHalfWidth } from "../fullwidth.ts";

export type CodeKind = "function" | "economic";
export type CodeLevel = "类" | "款" | "项";

const LEVEL_BY_LENGTH: Record<number, CodeLevel> = { 3: "类", 5: "款", 7: "项" };

/**
 * The digits of a code as a cell or a text gives it: 2040250, "2040250", "２０４０２５０", "204 02 50",
 * "204-02-50". Returns null when it is not a code of a known length and classification.
 */
export function normalizeCode(value: unknown): string | null {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) return null;
    value = String(value);
  }
  if (typeof value !== "string") return null;
  const digits = toHalfWidth(value).replace(/[\s.\-_|]/g, "");
  if (!/^\d+$/.test(digits)) return null;
  if (!(digits.length in LEVEL_BY_LENGTH)) return null;
  if (kindOf(digits) === null) return null;
  if (digits.length === 7 && kindOf(digits) === "economic") return null;
  return digits;
}

export function kindOf(code: string): CodeKind | null {
  if (code.startsWith("2")) return "function";
  if (code.startsWith("3")) return "economic";
  return null;
}

export function levelOf(code: string): CodeLevel {
  const level = LEVEL_BY_LENGTH[code.length];
  if (!level) throw new RangeError(`not a classification code: ${code}`);
  return level;
}

/** The 类 and 款 above a code, outermost first: 2040250 → ["204", "20402"]. */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (const len of [3, 5]) if (code.length > len) out.push(code.slice(0, len));
  return out;
}

export const KIND_NAMES: Record<CodeKind, string> = { function: "支出功能分类", economic: "部门预算支出经济分类" };
