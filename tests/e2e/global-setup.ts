// Starts juesuan exactly as a user does (`npm start`) on a free port with its own local D1 and hands the
// origin and the start-up time to the end-to-end tests.

import type { TestProject } from "vitest/node";
import { startJuesuan } from "../../scripts/local-worker.ts";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
    startupMs: number;
  }
}

export default async function setup(project: TestProject) {
  const running = await startJuesuan();
  project.provide("origin", running.origin);
  project.provide("startupMs", running.startupMs);
  return () => running.stop();
}
