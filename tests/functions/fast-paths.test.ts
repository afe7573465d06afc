import fc from "fast-check";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuiltinEditions } from "../../cli/builtin-data.ts";
import { completionRate, growthRate, share } from "../../core/derived.ts";
import { readFigureOrZero } from "../../core/figure-input.ts";
import { CodesClient } from "../../functions/codes-client.ts";
import { useCodesClient } from "../../functions/default-client.ts";
import { associated, cell } from "./call.ts";

// A real HTTP server holding the 2021 edition, counting requests.
let server: Server;
let requests = 0;
const edition2021 = JSON.stringify(loadBuiltinEditions().find((e) => e.year === 2021)!.toJSON());

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    const ok = req.url === "/v1/codes/2021";
    res.writeHead(ok ? 200 : 404, { "Content-Type": "application/json" });
    res.end(ok ? edition2021 : JSON.stringify({ error: "not-found", message: "没有该年度科目表" }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  useCodesClient(new CodesClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, fetch, timeoutMs: 2000 }));
});

afterAll(() => server.close());

const call = (id: string, ...args: unknown[]) => associated().get(id)!(...args);

describe("=JS.NAME / PATH / CODECHECK from the edition in memory", () => {
  it("a Promise only while the edition is fetched; afterwards the value itself, with no request", async () => {
    const first = call("NAME", "2010101", 2021);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe("行政运行");
    const before = requests;
    expect(call("NAME", "2010101", 2021)).toBe("行政运行");
    expect(call("PATH", "2010101", 2021)).toMatch(/（类）.*（款）行政运行（项）$/);
    expect(call("CODECHECK", "2010101", "行政运行", 2021)).toBe("");
    expect(requests).toBe(before);
  });

  it("on the synchronous path errors are still Excel's: an unknown code is #N/A with its message", async () => {
    await cell("NAME", "2010101", 2021);
    expect(() => call("NAME", "2999999", 2021)).toThrow(expect.objectContaining({ code: "#N/A" }));
    expect(await cell("NAME", "abc", 2021)).toMatchObject({ error: "#VALUE!" });
  });

  it("a year the server does not have stays a Promise that ends in #N/A, never a pending cell", async () => {
    expect(await cell("NAME", "2010101", 2019)).toMatchObject({ error: "#N/A" });
  });
});

describe("=JS.PCT / RATE / GROWTH integer path", () => {
  const viaDecimal = {
    PCT: (a: unknown, b: unknown) => share(readFigureOrZero(a), readFigureOrZero(b)).toNumber(),
    RATE: (a: unknown, b: unknown) => completionRate(readFigureOrZero(a), readFigureOrZero(b)).toNumber(),
    GROWTH: (a: unknown, b: unknown) => growthRate(readFigureOrZero(a), readFigureOrZero(b)).toNumber(),
  };
  // what cells hold: typed 2-decimal amounts, sums with binary noise, finer figures, blanks and text
  const cellValue = fc.oneof(
    fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((c) => c / 100),
    fc.tuple(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 10 ** 6 })).map(([a, b]) => a / 100 + b / 100),
    fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((c) => c / 1000),
    // a formula's binary noise: a few units in the last place off a 2-decimal amount
    fc.tuple(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: -6, max: 6 })).map(([c, k]) => (c / 100) * (1 + k * 2 ** -52)),
    fc.constantFrom<unknown>(null, "", "12.50", 0, 1e15 + 0.5),
  );

  it("property: the same value or the same Excel error as core's exact decimals", () => {
    fc.assert(
      fc.property(fc.constantFrom("PCT", "RATE", "GROWTH" as const), cellValue, cellValue, (id, a, b) => {
        let expected: unknown;
        try {
          expected = viaDecimal[id](a, b);
        } catch {
          expected = "error";
        }
        let got: unknown;
        try {
          got = call(id, a, b);
        } catch (err) {
          got = (err as { code?: string }).code ? "error" : err;
        }
        expect(got).toBe(expected);
      }),
      { numRuns: 20000 },
    );
  });

  it("ties round away from zero and x/0 stays #DIV/0!", async () => {
    expect(call("PCT", 1, 8)).toBe(12.5);
    expect(call("PCT", 0.01, 0.08)).toBe(12.5);
    expect(call("PCT", -0.01, 0.03)).toBe(-33.33);
    expect(call("PCT", 1, 0.03)).toBe(3333.33);
    expect(call("GROWTH", 0.05, -0.08)).toBe(162.5);
    expect(await cell("PCT", 5, 0)).toMatchObject({ error: "#DIV/0!" });
    expect(await cell("GROWTH", 0, 0)).toMatchObject({ error: "#DIV/0!" });
  });
});
