// `npm run bench`: starts juesuan as `npm start` does and prints every part's figures, each issue-12 target
// beside its baseline. Nothing here asserts a time; the figures are for people (and closing notes) to compare.
// One line per part, so each part's bench is added (and merged) as a line.

import { startJuesuan } from "../scripts/local-worker.ts";
import { buildAddin, buildCli } from "../scripts/build.ts";
import { benchCheckCpu } from "./check-cpu.bench.ts";
import { benchFunctions } from "./functions.bench.ts";
import { benchNarrative } from "./narrative.bench.ts";
import { benchPane } from "./pane.bench.ts";
import { benchPdf } from "./pdf.bench.ts";
import { benchRead } from "./read.bench.ts";
import { benchScore } from "./score.bench.ts";
import { benchTables } from "./tables.bench.ts";
import { benchWeb } from "./web.bench.ts";
import { benchWorker } from "./worker.bench.ts";

await buildAddin();
await buildCli();
const running = await startJuesuan();
console.log(`npm start → /health in ${running.startupMs} ms (${running.origin})`);
try {
  await benchFunctions(running.origin);
  await benchPane(running.origin);
  await benchWeb(running.origin);
  await benchWorker(running);
  await benchCheckCpu(running);
  await benchRead();
  await benchTables(Number(process.env.BENCH_WORKBOOKS ?? 1000));
  await benchNarrative();
  await benchScore();
  await benchPdf();
} finally {
  running.stop();
}
