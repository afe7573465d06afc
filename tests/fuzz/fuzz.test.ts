// A 5,000-case slice of `npm run fuzz` (the same generators and harness): no grid, file or text may crash
// the readers or the core check — each must be checked or refused with a Chinese sentence. Times are
// printed by `npm run fuzz`, never asserted here.

import { describe, expect, it } from "vitest";
import { fuzz } from "./harness.ts";

describe("fuzz slice", () => {
  it("5,000 hostile grids, .xlsx and .xls files and texts: no crash", async () => {
    const result = await fuzz({ seed: 20261127, cases: 5000 });
    expect(result.cases).toBe(5000);
    expect(result.crashes.map((c) => `#${c.index} ${c.kind} ${c.label}: ${c.error}`)).toEqual([]);
    // every kind of input was exercised, and files were both read and refused
    for (const kind of ["grid checked", "xlsx checked", "xlsx refused", "xls checked", "xls refused", "text checked"]) expect(result.counts[kind], kind).toBeGreaterThan(0);
  }, 900_000);
});
