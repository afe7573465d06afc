#!/usr/bin/env node
// `juesuan` on the command line: runs the built bundle (dist/cli, made by `npm run build`) when there is one,
// else the TypeScript sources through tsx, so a fresh clone works before any build. JUESUAN_SOURCES=1 forces
// the sources (while changing cli/ without rebuilding).
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/juesuan.mjs", import.meta.url);
let main;
if (existsSync(bundle) && !process.env.JUESUAN_SOURCES) ({ main } = await import(bundle.href));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("./main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
