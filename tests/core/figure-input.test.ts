import { describe, expect, it } from "vitest";
import { readFigure } from "../../core/figure-input.ts";
import { DomainError } from "../../core/errors.ts";

const text = (v: unknown) => readFigure(v)?.toString() ?? null;

describe("readFigure", () => {
  it("takes numbers, numeric text, full-width digits and accounting negatives", () => {
    expect(text(1234.5)).toBe("1234.5");
    expect(text("1,234.50")).toBe("1234.50");
    expect(text(" 2946 .25 ")).toBe("2946.25");
    expect(text("２９４６．２５")).toBe("2946.25");
    expect(text("１，２３４．５")).toBe("1234.5");
    expect(text("(12.00)")).toBe("-12.00");
    expect(text("−3.5")).toBe("-3.5");
    expect(text("+7")).toBe("7");
  });

  it("reads blanks as null", () => {
    expect(readFigure(null)).toBeNull();
    expect(readFigure(undefined)).toBeNull();
    expect(readFigure("")).toBeNull();
    expect(readFigure("  \u3000")).toBeNull();
  });

  it("refuses anything else with a Chinese message naming the value", () => {
    for (const bad of ["12万元", "abc", "1,23", "12%", true, {}, Number.NaN]) {
      let caught: unknown;
      try {
        readFigure(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught, String(bad)).toBeInstanceOf(DomainError);
      expect((caught as DomainError).kind).toBe("bad-input");
      expect((caught as DomainError).message).toMatch(/不是/);
    }
  });
});
