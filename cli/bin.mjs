#!/usr/bin/env node
// `juesuan` on the command line: runs the built bundle (dist/cli, made by `npm run build`) when it is newer
// than every source it was built from, else the TypeScript sources through tsx — so a fresh clone works before
// any build and an edit never runs stale code. JUESUAN_SOURCES=1 forces the sources.
import { existsSync, readdirSync, statSync } from "node:fs";

const root = new URL("../", import.meta.url);
const bundle = new URL("dist/cli/juesuan.mjs", root);

/** The newest modification time of the TypeScript the bundle is built from (a few ms for ~300 files). */
function newestSource() {
  let newest = 0;
  for (const dir of ["cli", "core", "hosts"]) {
    const base = new URL(`${dir}/`, root);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base, { recursive: true })) {
      if (name.endsWith(".ts")) newest = Math.max(newest, statSync(new URL(name, base)).mtimeMs);
    }
  }
  return newest;
}

let main;
if (!process.env.JUESUAN_SOURCES && existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) ({ main } = await import(bundle.href));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("./main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
