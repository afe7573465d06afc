// Whether a 科目 name fits its code in an edition, and if not, what a clerk needs to hear: the current name
// for a stale one, the code a misplaced name belongs to, or that the code is not in the edition at all.

import { KIND_NAMES, kindOf, normalizeCode } from "./code-format.ts";
import type { Edition } from "./edition.ts";
import { nameKey } from "./name-key.ts";

export type CodeProblem = "stale-name" | "other-code-name" | "wrong-name" | "unknown-code" | "not-a-code";

export interface CodeNameCheck {
  ok: boolean;
  problem?: CodeProblem;
  /** the name the edition gives the code, when it has one */
  expected?: string;
  /** codes whose name the given one is, for other-code-name */
  otherCodes?: string[];
  /** severity for a disclosure: a stale name is a warning, the rest errors (a missing code in a partial edition: info) */
  severity?: "error" | "warning" | "info";
  message: string;
}

export function checkCodeName(edition: Edition, codeInput: unknown, name: string): CodeNameCheck {
  const code = normalizeCode(codeInput);
  if (!code) return { ok: false, problem: "not-a-code", severity: "error", message: `“${String(codeInput)}”不是科目编码` };
  const entry = edition.get(code);
  const y = edition.year;
  if (!entry) {
    const complete = edition.isComplete(kindOf(code)!);
    return {
      ok: false,
      problem: "unknown-code",
      severity: complete ? "error" : "info",
      message: complete
        ? `科目 ${code} 不在 ${y} 年${KIND_NAMES[kindOf(code)!]}科目表中`
        : `科目 ${code} 不在已载入的 ${y} 年科目表中（该科目表不完整，请以财政部科目表核对）`,
    };
  }
  const key = nameKey(name);
  if (key === nameKey(entry.name)) return { ok: true, expected: entry.name, message: "" };
  if (entry.formerNames?.some((n) => nameKey(n) === key)) {
    return {
      ok: false,
      problem: "stale-name",
      expected: entry.name,
      severity: "warning",
      message: `“${name}”是 ${code} 的旧名称，${y} 年科目表为“${entry.name}”`,
    };
  }
  const others = edition.codesNamed(name, code).filter((c) => c !== code);
  if (others.length) {
    return {
      ok: false,
      problem: "other-code-name",
      expected: entry.name,
      otherCodes: others,
      severity: "error",
      message: `${code} 应为“${entry.name}”；“${name}”是科目 ${others[0]} 的名称`,
    };
  }
  return {
    ok: false,
    problem: "wrong-name",
    expected: entry.name,
    severity: "error",
    message: `${code} 在 ${y} 年科目表中为“${entry.name}”，不是“${name}”`,
  };
}
