import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../core/decimal.ts";
import { judgeSum } from "../../core/rounding.ts";

const d = (s: string) => Decimal.parse(s)!;
const verdict = (total: string, ...parts: string[]) => judgeSum(d(total), parts.map(d)).verdict;

describe("judgeSum (rounding intervals)", () => {
  it("an exact sum is exact", () => {
    expect(verdict("34.12", "16.13", "17.99")).toBe("exact");
  });

  it("a difference of 0.01 between a total and two parts is rounding (尾差)", () => {
    // 1.004 + 1.004 = 2.008 → shown 1.00 + 1.00 against 2.01
    expect(verdict("2.01", "1.00", "1.00")).toBe("rounding");
  });

  it("a difference of 0.02 between a total and two parts is a mismatch", () => {
    expect(verdict("2.02", "1.00", "1.00")).toBe("mismatch");
  });

  it("two figures that should be equal and differ by 0.01 cannot stand for one value", () => {
    expect(verdict("100.01", "100.00")).toBe("mismatch");
  });

  it("many parts widen the interval as the model says", () => {
    // five parts: the sum's interval is ±0.025, the total's ±0.005 → a 0.02 gap is still possible
    expect(verdict("5.02", "1.00", "1.00", "1.00", "1.00", "1.00")).toBe("rounding");
    expect(verdict("5.03", "1.00", "1.00", "1.00", "1.00", "1.00")).toBe("mismatch");
  });

  it("respects the half-open edges of half-up rounding", () => {
    // 0.005 rounds to 0.01, so 0.00 + 0.00 can never be 0.01 … unless the true values reach 0.005 together
    expect(verdict("0.01", "0.00", "0.00")).toBe("rounding"); // 0.0049 + 0.0049 = 0.0098 → 0.01
    expect(verdict("0.01", "0.00")).toBe("mismatch");
  });

  it("handles subtraction terms (年末 = 年初 + 收入 − 支出)", () => {
    const r = judgeSum(d("30.00"), [d("10.00"), d("50.00"), { value: d("30.00"), sign: -1 }]);
    expect(r.verdict).toBe("exact");
    const off = judgeSum(d("30.02"), [d("10.00"), d("50.00"), { value: d("30.00"), sign: -1 }]);
    expect(off.verdict).toBe("mismatch");
    expect(off.expected.toString()).toBe("30.00");
  });

  it("a 10⁴ slip (元 against 万元) is a mismatch", () => {
    expect(verdict("123456.00", "12.34", "0.11")).toBe("mismatch");
  });

  it("property: true values rounded to 2 decimals never produce a mismatch", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), { minLength: 1, maxLength: 30 }), (raw) => {
        // true values carry 4 decimals (元 with 2 decimals ÷ 100 would be finer still; 4 exercises every edge)
        const truths = raw.map((n) => Decimal.of(n, 4));
        const total = truths.reduce((a, b) => a.add(b), Decimal.ZERO).round(2);
        const parts = truths.map((t) => t.round(2));
        return judgeSum(total, parts).verdict !== "mismatch";
      }),
      { numRuns: 2000 },
    );
  });

  it("property: shifting a consistent total by 0.01 × (parts + 1) or more is always a mismatch", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 8n }), { minLength: 1, maxLength: 10 }), (raw) => {
        const parts = raw.map((n) => Decimal.of(n, 2));
        const exact = parts.reduce((a, b) => a.add(b), Decimal.ZERO);
        const off = exact.add(Decimal.of(BigInt(parts.length + 1), 2));
        return judgeSum(off, parts).verdict === "mismatch";
      }),
      { numRuns: 500 },
    );
  });
});

// ---- judgeSum on random ledgers against the rounding-interval rule worked out here on exact bigints ----

type Bound = { v: bigint; closed: boolean };
/** The rule of rules.md, by hand: every figure at one common scale, intervals summed, then overlap. */
function oracleVerdict(total: Decimal, terms: { value: Decimal; sign: 1 | -1 }[], decimals: number): string {
  const S = Math.max(decimals + 1, total.scale, ...terms.map((t) => t.value.scale));
  const v = (x: Decimal) => x.coef * 10n ** BigInt(S - x.scale);
  const expected = terms.reduce((acc, t) => acc + BigInt(t.sign) * v(t.value), 0n);
  if (expected === v(total)) return "exact";
  const h = 5n * 10n ** BigInt(S - decimals - 1);
  const interval = (x: Decimal): [Bound, Bound] => {
    const c = v(x);
    if (x.scale > decimals) return [{ v: c, closed: true }, { v: c, closed: true }];
    return [{ v: c - h, closed: c > 0n }, { v: c + h, closed: c < 0n }];
  };
  let lo: Bound = { v: 0n, closed: true };
  let hi: Bound = { v: 0n, closed: true };
  for (const t of terms) {
    const [l, u] = interval(t.value);
    const [tl, tu] = t.sign > 0 ? [l, u] : [{ v: -u.v, closed: u.closed }, { v: -l.v, closed: l.closed }];
    lo = { v: lo.v + tl.v, closed: lo.closed && tl.closed };
    hi = { v: hi.v + tu.v, closed: hi.closed && tu.closed };
  }
  const [tlo, thi] = interval(total);
  const low = lo.v > tlo.v ? lo : lo.v < tlo.v ? tlo : { v: lo.v, closed: lo.closed && tlo.closed };
  const high = hi.v < thi.v ? hi : hi.v > thi.v ? thi : { v: hi.v, closed: hi.closed && thi.closed };
  return low.v < high.v || (low.v === high.v && low.closed && high.closed) ? "rounding" : "mismatch";
}

describe("judgeSum against the oracle", () => {
  it("property: random ledgers (amounts, rounded and unrounded, beyond 2^53) get the same verdict", () => {
    const amount = fc.record({
      // zeros and tiny figures put interval edges (open or closed) right where the verdict turns
      c: fc.oneof(fc.bigInt({ min: -3n, max: 3n }), fc.bigInt({ min: -(10n ** 8n), max: 10n ** 10n }), fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n })),
      s: fc.constantFrom(0, 1, 2, 2, 2, 3, 4),
    });
    const term = fc.record({ a: amount, sign: fc.constantFrom<1 | -1>(1, 1, -1) });
    // how far the stated total sits from the plain sum, in units of 0.001
    const slip = fc.constantFrom(0n, 0n, 5n, -5n, 10n, -10n, 20n, -20n, 15n, 30n, 4n, 6n);
    fc.assert(
      fc.property(fc.array(term, { minLength: 0, maxLength: 12 }), slip, fc.constantFrom(0, 2, 2, 3), (raw, off, decimals) => {
        const terms = raw.map((t) => ({ value: Decimal.of(t.a.c, t.a.s), sign: t.sign }));
        const plain = terms.reduce((acc, t) => (t.sign > 0 ? acc.add(t.value) : acc.sub(t.value)), Decimal.ZERO);
        const total = plain.add(Decimal.of(off, 3)).round(Math.min(plain.scale, 2));
        const r = judgeSum(total, terms, decimals);
        expect(r.verdict).toBe(oracleVerdict(total, terms, decimals));
        expect(r.expected.eq(plain)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
