// Builds the web checker into dist/addin/web (served at `/` by the Worker, beside the add-in's files): the
// page, its styles, one module bundle split so the workbook reader and the writers load only when used, and
// the service worker at /web-sw.js (its scope must cover `/`).

import { build } from "esbuild";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { REPO_ROOT, loadBuiltinEditions, loadBuiltinTemplates } from "../cli/builtin-data.ts";

const DIST = join(REPO_ROOT, "dist", "addin");
const OUT = join(DIST, "web");

export async function buildWeb({ release = false } = {}): Promise<void> {
  const started = performance.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const common = { bundle: true, target: ["es2020"], minify: true, sourcemap: release ? false : ("linked" as const), logLevel: "warning" as const, legalComments: "none" as const };
  const page = await build({
    ...common,
    metafile: true,
    entryPoints: { main: join(REPO_ROOT, "web/main.ts") },
    outdir: OUT,
    format: "esm",
    splitting: true,
    platform: "browser",
    chunkNames: "chunks/[name]-[hash]",
    define: { BUILTIN_TEMPLATES: JSON.stringify(loadBuiltinTemplates()) },
  });
  cpSync(join(REPO_ROOT, "web/index.html"), join(OUT, "index.html"));
  cpSync(join(REPO_ROOT, "web/web.css"), join(OUT, "web.css"));
  // everything the page may load, kept by the service worker at install so a later visit works offline; the
  // cache is named for their contents, so a new build replaces it
  const scripts = Object.keys(page.metafile.outputs).filter((f) => f.endsWith(".js")).map((f) => `/${relative(DIST, join(REPO_ROOT, f)).split(sep).join("/")}`);
  const files = ["/web/web.css", "/vendor/mammoth.browser.min.js", "/assets/icon-32.png", ...scripts];
  const hash = createHash("sha256");
  for (const f of files) hash.update(readFileSync(join(DIST, f)));
  await build({
    ...common,
    entryPoints: [join(REPO_ROOT, "web/sw.ts")],
    outfile: join(DIST, "web-sw.js"),
    format: "iife",
    // and the built-in code editions, which a check asks for by the report's year
    define: { PRECACHE: JSON.stringify(["/", ...files, ...loadBuiltinEditions().map((e) => `/v1/codes/${e.year}`)]), CACHE_NAME: JSON.stringify(`juesuan-web-${hash.digest("hex").slice(0, 12)}`) },
  });
  console.log(`web checker built in ${(performance.now() - started).toFixed(0)} ms → dist/addin/web`);
}
