// Checks the workbooks its parent sends, one message each, with its own copy of the code editions.

import { parentPort, workerData } from "node:worker_threads";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import { loadBuiltinEditions } from "./builtin-data.ts";
import { checkFile } from "./commands/check.ts";

const codes = new CodesRegistry(loadBuiltinEditions());
const { year } = workerData as { year?: number };

parentPort!.on("message", async ({ index, path }: { index: number; path: string }) => {
  try {
    parentPort!.postMessage({ index, outcome: await checkFile(path, { year, codes, format: "json" }) });
  } catch (err) {
    parentPort!.postMessage({ index, outcome: { error: `${path}：${(err as Error).message}` } });
  }
});
