// Runs the Worker locally the way `npm start` and the end-to-end tests both need it: D1 migrations applied,
// the built-in editions seeded, then `wrangler dev` on 127.0.0.1 — one code path, so the tests start what users start.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT, loadBuiltinEditions } from "../cli/builtin-data.ts";
import { seedStatements } from "../worker/seed-sql.ts";

const WRANGLER = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
const QUIET_ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "true" };

export interface LocalWorkerOptions {
  port: number;
  /** where local D1 keeps its state; wrangler's default (.wrangler/state) unless given */
  persistTo?: string;
  https?: { keyPath: string; certPath: string };
  /** print wrangler's output (npm start) or keep it for error reports (tests) */
  inheritOutput?: boolean;
}

function wrangler(args: string[], persistTo?: string): void {
  const persist = persistTo ? ["--persist-to", persistTo] : [];
  execFileSync(process.execPath, [WRANGLER, ...args, ...persist], { cwd: REPO_ROOT, env: QUIET_ENV, stdio: ["ignore", "pipe", "pipe"] });
}

/** Applies migrations and loads the built-in code editions into local D1. */
export async function prepareLocalDatabase(persistTo?: string): Promise<number> {
  wrangler(["d1", "migrations", "apply", "DB", "--local"], persistTo);
  const sqlDir = join(REPO_ROOT, ".wrangler");
  mkdirSync(sqlDir, { recursive: true });
  const file = join(sqlDir, "seed.sql");
  const editions = loadBuiltinEditions();
  writeFileSync(file, (await seedStatements(editions)).join("\n") + "\n");
  wrangler(["d1", "execute", "DB", "--local", "--file", file], persistTo);
  return editions.length;
}

export function startWranglerDev(options: LocalWorkerOptions): ChildProcess {
  const args = [WRANGLER, "dev", "--ip", "127.0.0.1", "--port", String(options.port), "--show-interactive-dev-session=false"];
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  if (options.https) {
    args.push("--local-protocol", "https", "--https-key-path", options.https.keyPath, "--https-cert-path", options.https.certPath);
  }
  return spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: QUIET_ENV,
    stdio: options.inheritOutput ? "inherit" : ["ignore", "pipe", "pipe"],
  });
}

/** Polls /health until the Worker answers, or fails after `timeoutMs`. */
export async function waitForHealth(origin: string, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${origin}/health did not answer within ${timeoutMs / 1000} s`);
}
