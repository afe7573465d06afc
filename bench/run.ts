// `npm run bench`: starts juesuan as `npm start` does and prints every part's figures. Nothing here asserts a
// time; the figures are for people (and closing notes) to compare.

import { startJuesuan } from "../scripts/local-worker.ts";
import { buildAddin } from "../scripts/build.ts";
import { benchFunctions } from "./functions.bench.ts";
import { benchNarrative } from "./narrative.bench.ts";
import { benchPane } from "./pane.bench.ts";
import { benchPdf } from "./pdf.bench.ts";
import { benchScore } from "./score.bench.ts";
import { benchTables } from "./tables.bench.ts";
import { benchWorker } from "./worker.bench.ts";

await buildAddin();
const running = await startJuesuan();
console.log(`npm start → /health in ${running.startupMs} ms (${running.origin})`);
try {
  await benchFunctions(running.origin);
  await benchPane(running.origin);
  await benchWorker(running);
  await benchTables(Number(process.env.BENCH_WORKBOOKS ?? 1000));
  await benchNarrative();
  await benchScore();
  await benchPdf();
} finally {
  running.stop();
}
