import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../core/decimal.ts";
import { change, completionRate, growthRate, share, yuanToWan } from "../../core/derived.ts";
import { DomainError } from "../../core/errors.ts";
import { yoy } from "../../core/yoy.ts";

const d = (s: string) => Decimal.parse(s)!;

function kindOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.kind : "other";
  }
  return undefined;
}

describe("derived figures", () => {
  it("share rounds half-up to 2 decimals", () => {
    expect(share(d("16.13"), d("34.12")).toString()).toBe("47.27");
    expect(share(d("1"), d("8")).toString()).toBe("12.50");
    expect(share(d("0.125"), d("100")).toString()).toBe("0.13");
    expect(share(d("0.3"), d("0.1").add(d("0.2"))).toString()).toBe("100.00");
  });

  it("0/0 and x/0 are undefined, not numbers", () => {
    expect(kindOf(() => share(d("0"), d("0")))).toBe("divide-by-zero");
    expect(kindOf(() => share(d("5"), d("0")))).toBe("divide-by-zero");
    expect(kindOf(() => completionRate(d("0"), d("0")))).toBe("divide-by-zero");
    expect(kindOf(() => growthRate(d("12"), d("0")))).toBe("divide-by-zero");
  });

  it("completion rate and growth", () => {
    expect(completionRate(d("95.457"), d("100")).toString()).toBe("95.46");
    expect(change(d("367.87"), d("360.00")).toString()).toBe("7.87");
    expect(growthRate(d("367.87"), d("360.00")).toString()).toBe("2.19");
    expect(growthRate(d("300"), d("400")).toString()).toBe("-25.00");
    // a negative prior: the sign follows the direction of change
    expect(growthRate(d("-50"), d("-100")).toString()).toBe("50.00");
  });

  it("元 → 万元 half-up", () => {
    expect(yuanToWan(d("123456")).toString()).toBe("12.35");
    expect(yuanToWan(d("125")).toString()).toBe("0.01");
    expect(yuanToWan(d("49.99")).toString()).toBe("0.00");
  });
});

describe("yoy phrase", () => {
  it("increase / decrease with the right direction words", () => {
    expect(yoy(d("367.87"), d("360")).phrase).toBe("增加 7.87 万元，增长 2.19%");
    expect(yoy(d("300"), d("400")).phrase).toBe("减少 100.00 万元，下降 25.00%");
  });

  it("flat reads 持平 — never 增加 0", () => {
    expect(yoy(d("12.30"), d("12.3")).phrase).toBe("持平");
    expect(yoy(d("0"), d("0")).phrase).toBe("持平");
  });

  it("a zero prior is a new item without a rate", () => {
    const r = yoy(d("12.5"), d("0"));
    expect(r.kind).toBe("new");
    expect(r.rate).toBeUndefined();
    expect(r.phrase).toBe("新增 12.50 万元（上年为 0，不计算增长率）");
    expect(r.phrase).not.toMatch(/100%/);
  });

  it("falling to zero is a 100% decrease", () => {
    expect(yoy(d("0"), d("8")).phrase).toBe("减少 8.00 万元，下降 100.00%");
  });
});

describe("rates on random figures against exact rational arithmetic", () => {
  // n ÷ d to the nearest integer, ties away from zero
  const nearest = (n: bigint, d: bigint): bigint => {
    if (d < 0n) [n, d] = [-n, -d];
    const q = n / d;
    const r = n - q * d;
    return 2n * (r < 0n ? -r : r) >= d ? q + (n < 0n ? -1n : 1n) : q;
  };
  /** x ÷ y in %, 2 places, where x = a/10^sa and y = b/10^sb: a × 10^(sb + 4) / (b × 10^sa) in units of 0.01%. */
  const percent = (a: bigint, sa: number, b: bigint, sb: number) => nearest(a * 10n ** BigInt(sb + 4), b * 10n ** BigInt(sa));
  const figureArb = fc.record({
    c: fc.oneof(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n })),
    s: fc.constantFrom(0, 1, 2, 2, 3, 6),
  });
  it("property: share, completion rate and growth rate round the exact quotient once", () => {
    fc.assert(
      fc.property(figureArb, figureArb, (a, b) => {
        fc.pre(b.c !== 0n);
        const x = Decimal.of(a.c, a.s);
        const y = Decimal.of(b.c, b.s);
        const cents = (r: Decimal) => r.withScale(2).coef;
        expect(cents(share(x, y))).toBe(percent(a.c, a.s, b.c, b.s));
        expect(cents(completionRate(x, y))).toBe(percent(a.c, a.s, b.c, b.s));
        // growth: (x − y) ÷ |y|, at y's and x's common scale
        const m = Math.max(a.s, b.s);
        const delta = a.c * 10n ** BigInt(m - a.s) - b.c * 10n ** BigInt(m - b.s);
        expect(cents(growthRate(x, y))).toBe(percent(delta, m, b.c < 0n ? -b.c : b.c, b.s));
      }),
      { numRuns: 3000 },
    );
  });
});
