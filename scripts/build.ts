// Builds the add-in into dist/addin: its one bundle (functions and pane), functions.json from the functions' JSDoc, the pane page,
// icons, the manifest template, and Office.js (the packaged copy for local work, or Microsoft's CDN with --release);
// and the command line into dist/cli, so `juesuan` starts without transpiling TypeScript.

import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "../cli/builtin-data.ts";
import { buildWeb } from "../web/build.ts";

const OUT = join(REPO_ROOT, "dist", "addin");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const require = createRequire(import.meta.url);

export async function buildAddin({ release = false } = {}): Promise<void> {
  const started = performance.now();
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: { functions: join(REPO_ROOT, "addin/runtime.ts") },
    outdir: OUT,
    bundle: true,
    format: "iife",
    target: ["es2020"],
    minify: release,
    sourcemap: release ? false : "linked",
    logLevel: "warning",
  });
  const cli = require.resolve("custom-functions-metadata/cli.js");
  execFileSync(process.execPath, [cli, "generate", join(REPO_ROOT, "functions/functions.ts"), join(OUT, "functions.json")], {
    stdio: ["ignore", "ignore", "inherit"],
  });

  const officeJs = release ? OFFICE_JS_CDN : "office-js/office.js";
  if (!release) copyOfficeJs();
  writeFileSync(join(OUT, "taskpane.html"), readFileSync(join(REPO_ROOT, "addin/taskpane.html"), "utf8").replace("%OFFICE_JS%", officeJs));
  cpSync(join(REPO_ROOT, "addin/taskpane.css"), join(OUT, "taskpane.css"));
  cpSync(join(REPO_ROOT, "addin/assets"), join(OUT, "assets"), { recursive: true });
  // mammoth reads a .docx narrative in the pane; loaded only when a clerk picks one, so first paint stays small
  mkdirSync(join(OUT, "vendor"), { recursive: true });
  cpSync(require.resolve("mammoth/mammoth.browser.min.js"), join(OUT, "vendor/mammoth.browser.min.js"));
  // likewise pdfjs (with juesuan's PDF reader) for a PDF narrative
  await build({
    entryPoints: { "pdf-text": join(REPO_ROOT, "hosts/pdf/browser-entry.ts") },
    outdir: join(OUT, "vendor"),
    bundle: true,
    format: "iife",
    globalName: "juesuanPdf",
    target: ["es2020"],
    minify: true,
    logLevel: "error",
  });
  cpSync(join(dirname(require.resolve("pdfjs-dist/package.json")), "cmaps"), join(OUT, "vendor/cmaps"), { recursive: true });
  cpSync(join(REPO_ROOT, "manifest.xml"), join(OUT, "manifest.template.xml"));
  await buildWeb({ release });
  console.log(`add-in built in ${(performance.now() - started).toFixed(0)} ms → dist/addin (office.js: ${officeJs})`);
}

/**
 * The command line as ES modules in dist/cli: juesuan.mjs (what cli/bin.mjs runs) and check-worker.mjs, with
 * each command in its own chunk so `juesuan --version` loads only the dispatcher. Packages stay imports of
 * node_modules. Inside the bundle `import.meta.url` reads as a file in cli/, so paths the sources build from
 * it (data/, package.json) resolve as they do unbundled; JUESUAN_BUNDLE tells check-pool.ts to start the
 * bundled worker.
 */
export async function buildCli({ release = false } = {}): Promise<void> {
  const started = performance.now();
  const out = join(REPO_ROOT, "dist", "cli");
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: { juesuan: join(REPO_ROOT, "cli/main.ts"), "check-worker": join(REPO_ROOT, "cli/check-worker.ts") },
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: ["node20"],
    packages: "external",
    outExtension: { ".js": ".mjs" },
    chunkNames: "[name]-[hash]",
    banner: { js: 'const __juesuanSourceUrl = new URL("../../cli/bundle.mjs", import.meta.url).href;' },
    define: { "import.meta.url": "__juesuanSourceUrl", JUESUAN_BUNDLE: "true" },
    minify: release,
    sourcemap: release ? false : "linked",
    logLevel: "warning",
  });
  console.log(`command line built in ${(performance.now() - started).toFixed(0)} ms → dist/cli`);
}

/** The packaged Office.js without its debug builds and typings; copied once per package version. */
function copyOfficeJs(): void {
  const pkg = dirname(require.resolve("@microsoft/office-js/package.json"));
  const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version as string;
  const target = join(OUT, "office-js");
  const stamp = join(target, ".version");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === version) return;
  const source = join(pkg, "dist");
  cpSync(source, target, { recursive: true, filter: (src) => !/\.debug\.js$|\.d\.ts$/.test(src) });
  writeFileSync(stamp, version);
  console.log(`copied Office.js ${version} (${readdirSync(target).length} entries)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAddin({ release: process.argv.includes("--release") });
  await buildCli({ release: process.argv.includes("--release") });
}
