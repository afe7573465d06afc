// Before each test file: the same migrations and seed rows `npm start` loads into local D1.
import { applyD1Migrations, env } from "cloudflare:test";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
const { results } = await env.DB.prepare("SELECT count(*) AS n FROM editions").all<{ n: number }>();
if (results[0]!.n === 0) await env.DB.batch(env.TEST_SEED.map((sql) => env.DB.prepare(sql)));
