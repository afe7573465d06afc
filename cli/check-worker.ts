// A worker thread of a folder check: checks the workbooks its parent sends, one message each, with the
// report options it was started with and its own copy of the code editions.

import { parentPort, workerData } from "node:worker_threads";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import { loadBuiltinEditions } from "./builtin-data.ts";
import { type Outcome, type ReportOptions, checkWorkbook } from "./check-file.ts";

const codes = new CodesRegistry(loadBuiltinEditions());
const { options } = workerData as { options: ReportOptions };

parentPort!.on("message", async ({ index, path }: { index: number; path: string }) => {
  let outcome: Outcome;
  try {
    outcome = await checkWorkbook(path, options, codes);
    // the tables read stay here: the parent needs only the report
    if ("report" in outcome) outcome = { report: outcome.report, note: outcome.note };
  } catch (err) {
    outcome = { error: `${path}：${(err as Error).message}` };
  }
  parentPort!.postMessage({ index, outcome });
});
