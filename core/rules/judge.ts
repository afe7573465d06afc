// Turns identities between shown figures into findings: exact → nothing; a difference rounding can explain →
// info (尾差); anything else → an error naming both figures and where they are, with a hint when the gap is
// the 10⁴ of 元 written where 万元 is meant.

import { Decimal, sum } from "../decimal.ts";
import { type Interval, type Verdict, judgeSum, negInterval, overlaps, shownInterval, sumIntervals } from "../rounding.ts";
import { type AmountUnit, DEFAULT_UNIT, UNIT_SCALE, convertAmount } from "../tables/amount-unit.ts";
import type { Figure } from "../tables/model.ts";
import type { Finding, Severity } from "./finding.ts";

export interface Term {
  figure: Figure;
  sign?: 1 | -1;
}

const unitOf = (f: Figure): AmountUnit => f.unit ?? DEFAULT_UNIT;

/**
 * A figure as the clerk sees it: "12.34" in 万元 (the standard), "123400.00 元" in any other unit — and with
 * its unit always (`named`) where figures of two units meet.
 */
export function shown(d: Decimal, unit: AmountUnit = DEFAULT_UNIT, named = false): string {
  const digits = Math.max(2, d.trimZeros().scale);
  return unit === DEFAULT_UNIT && !named ? d.toFixed(digits) : `${d.toFixed(digits)} ${unit}`;
}

/** "相差 0.02" plus, when one side is about 10⁴ times the other, the 元/万元 hint for the table's unit. */
function gap(expected: Decimal, actual: Decimal, unit: AmountUnit, named: boolean): string {
  let text = `相差 ${shown(actual.sub(expected).abs(), unit, named)}`;
  const [small, big] = expected.abs().cmp(actual.abs()) < 0 ? [expected.abs(), actual.abs()] : [actual.abs(), expected.abs()];
  if (!small.isZero()) {
    const ratio = big.div(small, 1);
    if (ratio.cmp(Decimal.fromInt(9990)) >= 0 && ratio.cmp(Decimal.fromInt(10010)) <= 0) {
      text += unit === "元" ? "，约为 10⁴ 倍，可能把“万元”数填进了以“元”为单位的表" : "，约为 10⁴ 倍，可能把“元”当作“万元”填写";
    }
  }
  return text;
}

/**
 * Σ terms against a total whose figures are in different units: every figure's rounding interval (2
 * decimals in its own unit) is scaled exactly to 元, so a 万元 figure spans ±50 元 and a 元 figure ±0.005 元.
 */
function toYuan(i: Interval, u: AmountUnit): Interval {
  const k = UNIT_SCALE[u];
  return { lo: { ...i.lo, v: i.lo.v.shift(k) }, hi: { ...i.hi, v: i.hi.v.shift(k) } };
}

const yuanInterval = (f: Figure) => toYuan(shownInterval(f.value), unitOf(f));

function judgeAcrossUnits(total: Figure, terms: Term[]) {
  const unit = unitOf(total);
  const expected = sum(terms.map((t) => convertAmount(t.sign === -1 ? t.figure.value.neg() : t.figure.value, unitOf(t.figure), unit)));
  if (expected.eq(total.value)) return { verdict: "exact" as const, expected, actual: total.value };
  const range = sumIntervals(
    terms.map((t) => {
      const i = yuanInterval(t.figure);
      return t.sign === -1 ? negInterval(i) : i;
    }),
  );
  const verdict = overlaps(range, yuanInterval(total)) ? ("rounding" as const) : ("mismatch" as const);
  return { verdict, expected, actual: total.value };
}

/**
 * The identity judged in whole cents as JS integers — the common case, with no decimal arithmetic: n + 1
 * figures shown to the cent each stand for ±½ cent, so Σ and the total agree by rounding while they differ by
 * less than (n + 1) half-cents. Null where that is not decisive (a figure with more digits, a difference right on
 * the edge, where open and closed interval ends matter); those go through judgeSum.
 */
function judgeInCents(total: Figure, terms: Term[]): { verdict: Verdict; expected: Decimal } | null {
  const target = cents(total.value);
  if (target === null) return null;
  let acc = 0;
  for (const t of terms) {
    const c = cents(t.figure.value);
    if (c === null) return null;
    acc += t.sign === -1 ? -c : c;
  }
  if (!Number.isSafeInteger(acc)) return null;
  const halfCents = Math.abs(target - acc) * 2;
  const edge = terms.length + 1;
  if (halfCents === edge) return null;
  const verdict: Verdict = acc === target ? "exact" : halfCents < edge ? "rounding" : "mismatch";
  return { verdict, expected: verdict === "exact" ? total.value : Decimal.of(BigInt(acc), 2) };
}

function cents(d: Decimal): number | null {
  if (d.scale > 2 || d.scale < 0) return null;
  const c = Number(d.coef) * (d.scale === 2 ? 1 : d.scale === 1 ? 10 : 100);
  return Math.abs(c) < 2 ** 50 ? c : null;
}

/**
 * `total` should equal Σ terms. `what` names the total ("T02 合计行“本年收入合计”"), `parts` the terms
 * ("各类之和"). Each figure is judged in its own table's unit; the message quotes the total's unit.
 */
/** A finding's wording, composed only when there is a finding (most identities hold). */
export type Wording = string | (() => string);
const words = (w: Wording) => (typeof w === "string" ? w : w());

export function sumFinding(rule: string, total: Figure, terms: Term[], whatWords: Wording, partsWords: Wording): Finding | null {
  if (total.invalid || terms.some((t) => t.figure.invalid)) return null;
  const unit = unitOf(total);
  const mixed = terms.some((t) => unitOf(t.figure) !== unit);
  const quick = mixed ? null : judgeInCents(total, terms);
  if (quick?.verdict === "exact") return null;
  const j = quick
    ? { ...quick, actual: total.value }
    : mixed
      ? judgeAcrossUnits(total, terms)
      : judgeSum(
          total.value,
          terms.map((t) => ({ value: t.figure.value, sign: t.sign ?? 1 })),
        );
  if (j.verdict === "exact") return null;
  const what = words(whatWords);
  const parts = words(partsWords);
  const related = terms.map((t) => t.figure.at);
  // the parts in their own unit when they all share one that is not the total's: "为 0.12 万元（合 1200.00 元）"
  const partUnits = [...new Set(terms.map((t) => unitOf(t.figure)))];
  const partsShown =
    mixed && partUnits.length === 1
      ? `${shown(convertAmount(j.expected, unit, partUnits[0]!), partUnits[0], true)}（合 ${shown(j.expected, unit, true)}）`
      : shown(j.expected, unit, mixed);
  const base = `${what}为 ${shown(j.actual, unit, mixed)}，${parts}为 ${partsShown}`;
  return {
    rule,
    severity: j.verdict === "rounding" ? "info" : "error",
    message: j.verdict === "rounding" ? `${base}，相差 ${shown(j.actual.sub(j.expected).abs(), unit, mixed)}，属四舍五入尾差` : `${base}，${gap(j.expected, j.actual, unit, mixed)}`,
    where: total.at,
    related,
    expected: shown(j.expected),
    actual: shown(j.actual),
  };
}

/** `a` should equal `b` (the same figure in two places); the finding points at `a`. */
export function equalFinding(rule: string, a: Figure, b: Figure, what: Wording, other: Wording): Finding | null {
  return sumFinding(rule, a, [{ figure: b }], what, other);
}

/** `a` should not exceed `b`; with 2-decimal figures that is exactly a ≤ b as shown. */
export function atMostFinding(rule: string, a: Figure, b: Figure, what: string, other: string, severity: Severity = "error"): Finding | null {
  if (a.invalid || b.invalid) return null;
  const unit = unitOf(a);
  const limit = convertAmount(b.value, unitOf(b), unit);
  if (a.value.cmp(limit) <= 0) return null;
  // across units a ≤ b holds when some true values inside both rounding intervals satisfy it
  if (unit !== unitOf(b) && yuanInterval(a).lo.v.cmp(yuanInterval(b).hi.v) < 0) return null;
  return {
    rule,
    severity,
    message: `${what}为 ${shown(a.value, unit)}，大于${other} ${shown(b.value, unitOf(b))}`,
    where: a.at,
    related: [b.at],
    expected: `≤ ${shown(limit)}`,
    actual: shown(a.value),
  };
}
