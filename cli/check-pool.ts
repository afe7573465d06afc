// Checks many workbooks on every core: a few worker threads take files as they finish the last one, and the
// results come back in the order the files were named, so JSON Lines output is stable.

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Report } from "../core/rules/finding.ts";

export type Outcome = { report: Report; text: string } | { error: string };

export async function checkInPool(
  files: string[],
  year: number | undefined,
  onResult: (index: number, outcome: Outcome) => void,
  threads = Math.min(availableParallelism(), Math.ceil(files.length / 2), 8),
): Promise<void> {
  const workers = Array.from({ length: Math.max(threads, 1) }, () => new Worker(new URL("./check-worker.mjs", import.meta.url), { workerData: { year } }));
  const ready = new Map<number, Outcome>();
  let next = 0;
  let emitted = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next < files.length) w.postMessage({ index: next, path: files[next++] });
      };
      for (const w of workers) {
        w.on("message", ({ index, outcome }: { index: number; outcome: Outcome }) => {
          ready.set(index, outcome);
          while (ready.has(emitted)) {
            onResult(emitted, ready.get(emitted)!);
            ready.delete(emitted++);
          }
          if (emitted === files.length) resolve();
          else feed(w);
        });
        w.on("error", reject);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
