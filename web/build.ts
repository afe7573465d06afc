// Builds the web checker into dist/addin/web (served at `/` by the Worker, beside the add-in's files): the
// page, its styles, one module bundle split so the workbook reader and the writers load only when used, and
// the service worker at /web-sw.js (its scope must cover `/`).

import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../cli/builtin-data.ts";

const DIST = join(REPO_ROOT, "dist", "addin");
const OUT = join(DIST, "web");

export async function buildWeb({ release = false } = {}): Promise<void> {
  const started = performance.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const common = { bundle: true, target: ["es2020"], minify: true, sourcemap: release ? false : ("linked" as const), logLevel: "warning" as const, legalComments: "none" as const };
  await build({
    ...common,
    entryPoints: { main: join(REPO_ROOT, "web/main.ts") },
    outdir: OUT,
    format: "esm",
    splitting: true,
    platform: "browser",
    chunkNames: "chunks/[name]-[hash]",
  });
  await build({ ...common, entryPoints: [join(REPO_ROOT, "web/sw.ts")], outfile: join(DIST, "web-sw.js"), format: "iife" });
  cpSync(join(REPO_ROOT, "web/index.html"), join(OUT, "index.html"));
  cpSync(join(REPO_ROOT, "web/web.css"), join(OUT, "web.css"));
  console.log(`web checker built in ${(performance.now() - started).toFixed(0)} ms → dist/addin/web`);
}
