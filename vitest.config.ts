// One `vitest run` for every part: core, cli and the custom functions in Node; the Worker inside workerd
// (vitest-pool-workers, real D1); the pane and functions.js in Chromium against `wrangler dev` (e2e).

import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { loadBuiltinEditions, loadBuiltinTemplates } from "./cli/builtin-data.ts";
import { seedStatements } from "./worker/seed-sql.ts";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/core/**/*.test.ts", "tests/functions/**/*.test.ts", "tests/cli/**/*.test.ts", "tests/manifest/**/*.test.ts", "tests/addin/**/*.test.ts", "tests/hosts/**/*.test.ts", "tests/pdf/**/*.test.ts", "tests/fuzz/**/*.test.ts", "tests/web/**/*.test.ts", "tests/score/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/functions/custom-functions-host.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          setupFiles: ["tests/functions/custom-functions-host.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                PUBLISH_TOKEN: "test-publish-token-5f0c2a",
                TEST_MIGRATIONS: await readD1Migrations("worker/migrations"),
                TEST_SEED: await seedStatements(loadBuiltinEditions(), loadBuiltinTemplates()),
              },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["tests/worker/**/*.test.ts"],
          setupFiles: ["tests/worker/apply-migrations.ts"],
        },
      },
    ],
  },
});
