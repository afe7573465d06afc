// Builds the add-in into dist/addin: its one bundle (functions and pane), functions.json from the functions' JSDoc, the pane page,
// icons, the manifest template, and Office.js (the packaged copy for local work, or Microsoft's CDN with --release).

import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "../cli/builtin-data.ts";

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
  console.log(`add-in built in ${(performance.now() - started).toFixed(0)} ms → dist/addin (office.js: ${officeJs})`);
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
}
