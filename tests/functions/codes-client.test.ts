import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodesClient } from "../../functions/codes-client.ts";
import { DomainError } from "../../core/errors.ts";

// Real sockets that misbehave the ways a network does: one that never answers, one that fails.
let silent: Server;
let failing: Server;
const origin = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

beforeAll(async () => {
  silent = createServer(() => {
    /* accepts and never answers */
  });
  failing = createServer((_req, res) => {
    res.writeHead(503, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: "down", message: "服务维护中" }));
  });
  await Promise.all([silent, failing].map((s) => new Promise<void>((r) => s.listen(0, "127.0.0.1", r))));
});

afterAll(() => {
  silent.closeAllConnections();
  silent.close();
  failing.close();
});

/** Real fetch, counted. */
function countingFetch() {
  let n = 0;
  const counted: typeof fetch = (...a) => {
    n++;
    return fetch(...a);
  };
  return { counted, calls: () => n };
}

describe("CodesClient failures", () => {
  it("a silent server ends in not-available after the timeout, never a pending promise", async () => {
    const client = new CodesClient({ baseUrl: origin(silent), fetch, timeoutMs: 300 });
    const started = Date.now();
    const err = await client.edition(2021).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).kind).toBe("not-available");
    expect((err as DomainError).message).toContain("0.3 秒内没有应答");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a failing server's message reaches the cell, and the failure is remembered briefly", async () => {
    const { counted, calls } = countingFetch();
    const client = new CodesClient({ baseUrl: origin(failing), fetch: counted, retryAfterMs: 60_000 });
    const first = (await client.edition(2021).catch((e) => e)) as DomainError;
    expect(first.message).toBe("服务维护中");
    await client.edition(2021).catch(() => undefined);
    expect(calls()).toBe(1);
  });

  it("after the retry delay it asks again", async () => {
    const { counted, calls } = countingFetch();
    const client = new CodesClient({ baseUrl: origin(failing), fetch: counted, retryAfterMs: 0 });
    await client.edition(2021).catch(() => undefined);
    await client.edition(2021).catch(() => undefined);
    expect(calls()).toBe(2);
  });

  it("caps concurrent requests", async () => {
    let inFlight = 0;
    let most = 0;
    const slowFetch: typeof fetch = async (...a) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await fetch(...a);
      } finally {
        inFlight--;
      }
    };
    const client = new CodesClient({ baseUrl: origin(failing), fetch: slowFetch, maxConcurrent: 2, retryAfterMs: 0 });
    await Promise.all([2020, 2021, 2022, 2023, 2024, 2025].map((y) => client.edition(y).catch(() => undefined)));
    expect(most).toBeLessThanOrEqual(2);
  });
});
