// A worker thread of `juesuan check` over many files: runs the TypeScript sources through tsx like bin.mjs.
import { register } from "tsx/esm/api";

register();
await import("./check-worker.ts");
