// The judgement of an identity: the whole-cent shortcut gives the same verdict and figures as the interval
// judgement of core/rounding.ts for every sum of 2-decimal figures, near the rounding edge too; across units
// the intervals are scaled exactly.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../core/decimal.ts";
import { judgeSum } from "../../core/rounding.ts";
import { sumFinding } from "../../core/rules/judge.ts";
import type { AmountUnit } from "../../core/tables/amount-unit.ts";
import type { Figure } from "../../core/tables/model.ts";

const fig = (cents: number, unit?: AmountUnit, scale = 2): Figure => ({ value: Decimal.of(BigInt(cents), scale), at: { sheet: "s", cell: "A1" }, blank: false, unit });
const SEVERITY = { exact: undefined, rounding: "info", mismatch: "error" } as const;

describe("sumFinding", () => {
  it("agrees with judgeSum on every same-unit identity, edges included", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.boolean()), { minLength: 1, maxLength: 6 }), fc.integer({ min: -4, max: 4 }), (base, parts, off) => {
        const terms = parts.map(([c, neg]) => ({ figure: fig(c), sign: (neg ? -1 : 1) as 1 | -1 }));
        const sum = parts.reduce((a, [c, neg]) => a + (neg ? -c : c), 0);
        const total = fig(base % 2 === 0 ? sum + off : base);
        const j = judgeSum(total.value, terms.map((t) => ({ value: t.figure.value, sign: t.sign })));
        const f = sumFinding("r", total, terms, "合计", "各项之和");
        expect(f?.severity).toBe(SEVERITY[j.verdict]);
        if (f) expect([f.expected, f.actual]).toEqual([j.expected.toFixed(2), j.actual.toFixed(2)]);
      }),
      { numRuns: 3000 },
    );
  });

  it("a figure with more digits than shown is a point, judged exactly", () => {
    expect(sumFinding("r", fig(12344, undefined, 3), [{ figure: fig(1234) }], "a", "b")?.severity).toBe("info");
    // 12.34 stands for [12.335, 12.345): the upper end is not in it
    expect(sumFinding("r", fig(12345, undefined, 3), [{ figure: fig(1234) }], "a", "b")?.severity).toBe("error");
    expect(sumFinding("r", fig(12355, undefined, 3), [{ figure: fig(1234) }], "a", "b")?.severity).toBe("error");
  });

  it("across units: 1.23 万元 and 12,345.67 元 agree by rounding; 12,360.00 元 does not", () => {
    expect(sumFinding("r", fig(123, "万元"), [{ figure: fig(1234567, "元") }], "a", "b")?.severity).toBe("info");
    const f = sumFinding("r", fig(1236000, "元"), [{ figure: fig(123, "万元") }], "T05 合计", "T04 一般公共预算");
    expect(f).toMatchObject({ severity: "error", expected: "12300.00", actual: "12360.00" });
    expect(f!.message).toBe("T05 合计为 12360.00 元，T04 一般公共预算为 1.23 万元（合 12300.00 元），相差 60.00 元");
  });
});
