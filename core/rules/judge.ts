// Turns identities between shown figures into findings: exact → nothing; a difference rounding can explain →
// info (尾差); anything else → an error naming both figures and where they are, with a hint when the gap is
// the 10⁴ of 元 written where 万元 is meant.

import { Decimal } from "../decimal.ts";
import { judgeSum } from "../rounding.ts";
import type { Figure } from "../tables/model.ts";
import type { Finding, Severity } from "./finding.ts";

export interface Term {
  figure: Figure;
  sign?: 1 | -1;
}

const fmt = (d: Decimal) => d.toFixed(2);

/** "相差 0.02" plus, when one side is about 10⁴ times the other, the 元/万元 hint. */
function gap(expected: Decimal, actual: Decimal): string {
  let text = `相差 ${fmt(actual.sub(expected).abs())}`;
  const [small, big] = expected.abs().cmp(actual.abs()) < 0 ? [expected.abs(), actual.abs()] : [actual.abs(), expected.abs()];
  if (!small.isZero()) {
    const ratio = big.div(small, 1);
    if (ratio.cmp(Decimal.fromInt(9990)) >= 0 && ratio.cmp(Decimal.fromInt(10010)) <= 0) text += "，约为 10⁴ 倍，可能把“元”当作“万元”填写";
  }
  return text;
}

/**
 * `total` should equal Σ terms. `what` names the total ("T02 合计行“本年收入合计”"), `parts` the terms
 * ("各类之和").
 */
export function sumFinding(rule: string, total: Figure, terms: Term[], what: string, parts: string): Finding | null {
  if (total.invalid || terms.some((t) => t.figure.invalid)) return null;
  const j = judgeSum(
    total.value,
    terms.map((t) => ({ value: t.figure.value, sign: t.sign ?? 1 })),
  );
  if (j.verdict === "exact") return null;
  const related = terms.map((t) => t.figure.at);
  if (j.verdict === "rounding") {
    return {
      rule,
      severity: "info",
      message: `${what}为 ${fmt(j.actual)}，${parts}为 ${fmt(j.expected)}，相差 ${fmt(j.actual.sub(j.expected).abs())}，属四舍五入尾差`,
      where: total.at,
      related,
      expected: fmt(j.expected),
      actual: fmt(j.actual),
    };
  }
  return {
    rule,
    severity: "error",
    message: `${what}为 ${fmt(j.actual)}，${parts}为 ${fmt(j.expected)}，${gap(j.expected, j.actual)}`,
    where: total.at,
    related,
    expected: fmt(j.expected),
    actual: fmt(j.actual),
  };
}

/** `a` should equal `b` (the same figure in two places); the finding points at `a`. */
export function equalFinding(rule: string, a: Figure, b: Figure, what: string, other: string): Finding | null {
  return sumFinding(rule, a, [{ figure: b }], what, other);
}

/** `a` should not exceed `b`; with 2-decimal figures that is exactly a ≤ b as shown. */
export function atMostFinding(rule: string, a: Figure, b: Figure, what: string, other: string, severity: Severity = "error"): Finding | null {
  if (a.invalid || b.invalid || a.value.cmp(b.value) <= 0) return null;
  return {
    rule,
    severity,
    message: `${what}为 ${fmt(a.value)}，大于${other} ${fmt(b.value)}`,
    where: a.at,
    related: [b.at],
    expected: `≤ ${fmt(b.value)}`,
    actual: fmt(a.value),
  };
}
