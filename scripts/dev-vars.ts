// The local publishing token: `wrangler dev` reads secrets from .dev.vars (git-ignored); `npm start` makes one
// with a random token the first time and keeps it, so a local finance-bureau editor can publish.

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../cli/builtin-data.ts";

export function localPublishToken(file = join(REPO_ROOT, ".dev.vars")): string {
  const existing = existsSync(file) ? /^PUBLISH_TOKEN=(.+)$/m.exec(readFileSync(file, "utf8"))?.[1] : undefined;
  if (existing) return existing.trim();
  const token = `local-${randomBytes(18).toString("base64url")}`;
  writeFileSync(file, `${existsSync(file) ? readFileSync(file, "utf8").trimEnd() + "\n" : ""}PUBLISH_TOKEN=${token}\n`);
  return token;
}
