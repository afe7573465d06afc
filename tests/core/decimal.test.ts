import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../core/decimal.ts";

const d = (s: string) => Decimal.parse(s)!;

describe("Decimal", () => {
  it("reads doubles as Excel shows them (15 significant digits)", () => {
    expect(Decimal.fromNumber(0.1 + 0.2).toString()).toBe("0.3");
    expect(Decimal.fromNumber(1.005).toString()).toBe("1.005");
    expect(Decimal.fromNumber(-2946.25).toString()).toBe("-2946.25");
    expect(Decimal.fromNumber(1e21).toString()).toBe("1000000000000000000000");
    expect(Decimal.fromNumber(1.5e-7).toString()).toBe("0.00000015");
  });

  it("adds and subtracts exactly", () => {
    expect(d("0.1").add(d("0.2")).eq(d("0.3"))).toBe(true);
    expect(d("351.14").sub(d("351.1")).toString()).toBe("0.04");
  });

  it("rounds half away from zero", () => {
    expect(d("0.125").round(2).toString()).toBe("0.13");
    expect(d("0.124999").round(2).toString()).toBe("0.12");
    expect(d("-0.125").round(2).toString()).toBe("-0.13");
    expect(d("2.5").round(0).toString()).toBe("3");
    expect(d("1.005").round(2).toString()).toBe("1.01");
  });

  it("divides with half-up rounding at the requested scale", () => {
    expect(d("16.13").mul(Decimal.fromInt(100)).div(d("34.12"), 2).toString()).toBe("47.27");
    expect(d("1").div(d("8"), 2).toString()).toBe("0.13");
    expect(d("-1").div(d("8"), 2).toString()).toBe("-0.13");
    expect(d("2").div(d("3"), 4).toString()).toBe("0.6667");
    expect(() => d("1").div(Decimal.ZERO, 2)).toThrow(RangeError);
  });

  it("keeps the scale as written and formats fixed", () => {
    expect(d("351.10").toString()).toBe("351.10");
    expect(d("351.1").toFixed(2)).toBe("351.10");
    expect(d("-0.5").toFixed(0)).toBe("-1");
    expect(d("0.05").toFixed(2)).toBe("0.05");
  });

  it("rejects text that is not a plain decimal", () => {
    for (const bad of ["", ".", "1.2.3", "abc", "1,2", "--1"]) expect(Decimal.parse(bad)).toBeNull();
  });

  it("truncates for the truncated-not-rounded check", () => {
    expect(d("95.457").truncate(2).toString()).toBe("95.45");
  });
});

// ---- The integer fast path against exact rational arithmetic written here on bigints (the oracle) ----

interface Exact {
  c: bigint;
  s: number;
}
const p10 = (n: number) => 10n ** BigInt(n);
const at = (x: Exact, s: number) => x.c * p10(s - x.s);
const exact = (x: Decimal): Exact => ({ c: x.coef, s: x.scale });
const text = (x: Exact): string => {
  const neg = x.c < 0n;
  const digits = (neg ? -x.c : x.c).toString().padStart(x.s + 1, "0");
  return (neg ? "-" : "") + digits.slice(0, digits.length - x.s) + (x.s ? "." + digits.slice(digits.length - x.s) : "");
};
/** n ÷ d to the nearest integer, ties away from zero, by comparing twice the remainder with the divisor. */
const nearest = (n: bigint, d: bigint): bigint => {
  if (d < 0n) [n, d] = [-n, -d];
  const q = n / d;
  const r = n - q * d;
  const twice = 2n * (r < 0n ? -r : r);
  return twice >= d ? q + (n < 0n ? -1n : 1n) : q;
};
const rounded = (x: Exact, s: number): Exact => (s >= x.s ? { c: at(x, s), s } : { c: nearest(x.c, p10(x.s - s)), s });

// coefficients around every edge: small amounts, near 2^53 (where the double form must hand over), far beyond
const coefficient = fc.oneof(
  fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }),
  fc.bigInt({ min: -(2n ** 53n) - 10n, max: 2n ** 53n + 10n }),
  fc.bigInt({ min: 2n ** 53n - 100n, max: 2n ** 53n + 100n }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
);
const decimal = fc.record({ c: coefficient, s: fc.integer({ min: 0, max: 6 }) });
const toDecimal = (x: Exact) => Decimal.of(x.c, x.s);

describe("Decimal fast path against exact rational arithmetic", () => {
  it("property: add, sub, mul, cmp, round, truncate, div, shift, text and number agree with the oracle", () => {
    fc.assert(
      fc.property(decimal, decimal, fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 6 }), (a, b, s, k) => {
        const x = toDecimal(a);
        const y = toDecimal(b);
        const m = Math.max(a.s, b.s);
        expect(exact(x.add(y))).toEqual({ c: at(a, m) + at(b, m), s: m });
        expect(exact(x.sub(y))).toEqual({ c: at(a, m) - at(b, m), s: m });
        expect(exact(x.mul(y))).toEqual({ c: a.c * b.c, s: a.s + b.s });
        const diff = at(a, m) - at(b, m);
        expect(x.cmp(y)).toBe(diff === 0n ? 0 : diff < 0n ? -1 : 1);
        expect(exact(x.round(s))).toEqual(rounded(a, s));
        expect(exact(x.truncate(s))).toEqual(s >= a.s ? { c: at(a, s), s } : { c: a.c / p10(a.s - s), s });
        expect(x.toFixed(s)).toBe(text(rounded(a, s)));
        expect(x.toString()).toBe(text(a));
        expect(x.toNumber()).toBe(Number(text(a)));
        expect(x.sign).toBe(a.c === 0n ? 0 : a.c < 0n ? -1 : 1);
        const shifted = a.s - k >= 0 ? { c: a.c, s: a.s - k } : { c: a.c * p10(k - a.s), s: 0 };
        expect(exact(x.shift(k))).toEqual(shifted);
        if (b.c !== 0n) {
          // a/b to s places: (a.c / 10^a.s) / (b.c / 10^b.s) × 10^s
          const e = b.s - a.s + s;
          const q = e >= 0 ? nearest(a.c * p10(e), b.c) : nearest(a.c, b.c * p10(-e));
          expect(exact(x.div(y, s))).toEqual({ c: q, s });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("property: a double reads as its 15-significant-digit text, trailing zeros dropped", () => {
    // near a 5 in the 16th digit, where the integer path must hand over to the text
    const ties = fc
      .tuple(fc.bigInt({ min: 10n ** 14n, max: 10n ** 15n - 1n }), fc.integer({ min: 1, max: 20 }))
      .map(([c, e]) => Number(`${c}5e-${e}`));
    const doubles = fc.oneof(
      fc.integer({ min: -(10 ** 12), max: 10 ** 12 }).map((c) => c / 100),
      fc.integer({ min: -(10 ** 14), max: 10 ** 14 }).map((c) => c / 10),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.tuple(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: -(10 ** 9), max: 10 ** 9 })).map(([a, b]) => a / 100 + b / 1000),
      fc.tuple(fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 1, max: 10 ** 6 })).map(([a, b]) => a / 100 + b / 100),
      // a formula's binary noise: a few units in the last place off a 1- or 2-decimal figure
      fc.tuple(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.constantFrom(10, 100), fc.integer({ min: -8, max: 8 })).map(([c, p, k]) => (c / p) * (1 + k * 2 ** -52)),
      ties,
    );
    fc.assert(
      fc.property(doubles, (x) => {
        let t = x.toPrecision(15);
        const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(t)!;
        let c = BigInt(`${m[1]}${m[2]}${m[3] ?? ""}`);
        let s = (m[3] ?? "").length - Number(m[4] ?? 0);
        if (s < 0) [c, s] = [c * p10(-s), 0];
        while (s > 0 && c % 10n === 0n) [c, s] = [c / 10n, s - 1];
        // a safe integer is taken whole, as Excel keeps what was typed
        if (Number.isSafeInteger(x)) [c, s] = [BigInt(x), 0];
        t = text({ c, s });
        const got = Decimal.fromNumber(x);
        expect(exact(got)).toEqual({ c, s });
        expect(got.toString()).toBe(t);
      }),
      { numRuns: 20000 },
    );
    expect(Decimal.fromNumber(123456789012345.5).toString()).toBe("123456789012346");
  });
});
