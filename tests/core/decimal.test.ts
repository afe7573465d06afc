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
