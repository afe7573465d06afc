// Checks many workbooks: the main thread takes files from the list, and worker threads join only when the
// list is long enough to repay their start-up (each loads the reader and core afresh). Results are handed
// on in the order the files were named, so JSON Lines output is stable whatever the thread count.

import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import type { CodesRegistry } from "../core/codes/codes-registry.ts";
import { type Outcome, type ReportOptions, checkWorkbook } from "./check-file.ts";

/**
 * Files a worker must have ahead of it to be worth starting: a new isolate spends ~1.5 s of CPU loading and
 * re-optimising the reader and core, about 60 checks' worth, so on 2 cores a worker pays off only well beyond
 * that (see npm run bench). JUESUAN_FILES_PER_WORKER sets another break-even for another machine or reader.
 */
export const filesPerWorker = (): number => Number(process.env.JUESUAN_FILES_PER_WORKER) || 100;
/** Files a worker holds at once, so it never waits for the main thread to hand it the next. */
const IN_FLIGHT = 2;

// set to true by scripts/build.ts in the bundle, where the worker is the bundled dist/cli/check-worker.mjs
declare const JUESUAN_BUNDLE: boolean | undefined;

/**
 * Threads when none are asked for: one per core not already kept busy by others (the 1-minute load average),
 * never fewer than the main thread — on a saturated machine a worker only adds contention.
 */
export const defaultThreads = (): number => Math.max(1, Math.min(availableParallelism() - Math.floor(loadavg()[0] ?? 0), 8));

/** Worker threads for `files` files with at most `threads` threads in all (the main thread is one). */
export function workerCount(files: number, threads: number): number {
  return Math.max(0, Math.min(threads - 1, Math.floor(files / filesPerWorker())));
}

export async function checkMany(
  files: string[],
  options: ReportOptions,
  codes: CodesRegistry,
  onResult: (index: number, outcome: Outcome) => void,
  threads = defaultThreads(),
): Promise<void> {
  if (!files.length) return;
  const ready = new Map<number, Outcome>();
  let next = 0;
  let emitted = 0;
  const deliver = (index: number, outcome: Outcome) => {
    ready.set(index, outcome);
    while (ready.has(emitted)) {
      onResult(emitted, ready.get(emitted)!);
      ready.delete(emitted++);
    }
  };
  const script = new URL(typeof JUESUAN_BUNDLE !== "undefined" ? "../dist/cli/check-worker.mjs" : "./check-worker.mjs", import.meta.url);
  const workers = Array.from({ length: workerCount(files.length, threads) }, () => new Worker(script, { workerData: { options } }));
  const held = new Map<Worker, Set<number>>(workers.map((w) => [w, new Set()]));
  const feed = (w: Worker) => {
    while (next < files.length && held.get(w)!.size < IN_FLIGHT) {
      held.get(w)!.add(next);
      w.postMessage({ index: next, path: files[next++] });
    }
  };
  const allDone = new Promise<void>((resolve) => {
    const check = () => emitted === files.length && resolve();
    for (const w of workers) {
      w.on("message", ({ index, outcome }: { index: number; outcome: Outcome }) => {
        held.get(w)!.delete(index);
        deliver(index, outcome);
        feed(w);
        check();
      });
      w.on("error", (err) => {
        // a worker that dies hands its files back as failures rather than leaving the run waiting
        for (const index of held.get(w)!) deliver(index, { error: `${files[index]}：核对线程出错（${err.message}）` });
        held.get(w)!.clear();
        check();
      });
      w.once("online", () => feed(w));
    }
    const mainLoop = async () => {
      while (next < files.length) {
        const index = next++;
        deliver(index, await checkOne(files[index]!, options, codes));
        check();
        // let finished workers' messages in between the main thread's own checks
        await new Promise((r) => setImmediate(r));
      }
    };
    void mainLoop();
  });
  try {
    await allDone;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function checkOne(path: string, options: ReportOptions, codes: CodesRegistry): Promise<Outcome> {
  try {
    return await checkWorkbook(path, options, codes);
  } catch (err) {
    return { error: `${path}：${(err as Error).message}` };
  }
}
