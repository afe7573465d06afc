// Runs the Worker locally the way `npm start` and the end-to-end tests both need it: D1 migrations applied,
// the built-in editions seeded, then `wrangler dev` on 127.0.0.1 — one code path, so the tests start what users start.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, loadBuiltinEditions, loadBuiltinTemplates } from "../cli/builtin-data.ts";
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
  writeFileSync(file, (await seedStatements(editions, loadBuiltinTemplates())).join("\n") + "\n");
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

export interface RunningJuesuan {
  origin: string;
  startupMs: number;
  /** the process group of `npm start` and everything it started (wrangler, workerd) */
  processGroup: number;
  stop(): void;
}

/**
 * Runs `npm start` itself (scripts/start.ts) on a free port with a throw-away local D1, for the end-to-end tests
 * and the benchmarks: they measure what a user starts, not a stand-in.
 */
export async function startJuesuan(options: { persistTo?: string; prebuilt?: boolean } = {}): Promise<RunningJuesuan> {
  const port = await freePort();
  // a throw-away database unless the caller keeps one (to restart on it)
  const persist = options.persistTo ?? mkdtempSync(join(tmpdir(), "juesuan-d1-"));
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "scripts/start.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), JUESUAN_D1_PERSIST: persist, ...(options.prebuilt ? { JUESUAN_PREBUILT: "1" } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (b) => (output += b));
  child.stderr!.on("data", (b) => (output += b));
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    if (!options.persistTo) rmSync(persist, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(origin, 90_000, child);
  } catch (err) {
    stop();
    throw new Error(`npm start did not come up: ${(err as Error).message}\n${output.slice(-4000)}`);
  }
  return { origin, startupMs: Date.now() - started, processGroup: child.pid!, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}
