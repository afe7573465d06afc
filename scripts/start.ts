// `npm start` / `npm run start:https`: builds the add-in, prepares local D1 and runs the Worker on 127.0.0.1:$PORT,
// serving the API, the pane, functions.js/.json and a manifest.xml that points at this origin.

import { buildAddin } from "./build.ts";
import { prepareLocalDatabase, startWranglerDev, waitForHealth } from "./local-worker.ts";
import { devCertificates } from "./dev-certs.ts";
import { localPublishToken } from "./dev-vars.ts";

const port = Number(process.env.PORT ?? 8787);
const https = process.argv.includes("--https");
// tests run their own copy of the local database so they never touch a developer's
const persistTo = process.env.JUESUAN_D1_PERSIST || undefined;

// a second instance beside a running one (the restart test) must not rebuild the files the first is serving:
// the build replaces dist/ and wrangler dev reloads, or dies, when its assets vanish under it
if (!process.env.JUESUAN_PREBUILT) await buildAddin();
const editions = await prepareLocalDatabase(persistTo);
console.log(`local D1 ready: ${editions} code editions seeded`);

const token = localPublishToken();
const certs = https ? await devCertificates() : undefined;
const child = startWranglerDev({ port, https: certs, persistTo, inheritOutput: true });
const origin = `${https ? "https" : "http"}://${https ? "localhost" : "127.0.0.1"}:${port}`;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

if (!https) {
  await waitForHealth(origin, 60_000, child);
  console.log(`
juesuan is running at ${origin}
  web checker ${origin}/
  health      ${origin}/health
  codes       ${origin}/v1/codes/2021/2040250
  task pane   ${origin}/taskpane.html
  manifest    ${origin}/manifest.xml   (sideload needs https: npm run start:https)
  publishing  Authorization: Bearer ${token}   (local token, kept in .dev.vars)
`);
} else {
  console.log(`\njuesuan (https) is starting at ${origin}; sideload ${origin}/manifest.xml`);
}
