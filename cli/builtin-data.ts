// Reads the shipped reference data (data/codes) from disk into core's editions — for the seed script, the
// command line and the tests, which all run in Node. The Worker gets the same editions through D1.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { type Edition, type EditionJSON, buildEditions, parseCodeRows, parseEditionPlan } from "../core/index.ts";
import { type Template, validateTemplate } from "../core/templates/template.ts";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CODES_DIR = join(REPO_ROOT, "data", "codes");
export const IMPORTED_DIR = join(CODES_DIR, "editions");
export const TEMPLATES_DIR = join(REPO_ROOT, "data", "templates");

export function loadBuiltinEditions(dir = CODES_DIR): Edition[] {
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  const rows = [...parseCodeRows(read("function.tsv"), "function.tsv"), ...parseCodeRows(read("economic.tsv"), "economic.tsv")];
  const importedDir = join(dir, "editions");
  const imported = existsSync(importedDir)
    ? readdirSync(importedDir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => JSON.parse(readFileSync(join(importedDir, f), "utf8")) as EditionJSON)
    : [];
  return buildEditions(rows, parseEditionPlan(read("editions.tsv")), imported);
}

/** The built-in templates, each validated: a broken one stops the seed with the file and path named. */
export function loadBuiltinTemplates(dir = TEMPLATES_DIR): Template[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const { template, errors } = validateTemplate(JSON.parse(readFileSync(join(dir, f), "utf8")));
      if (!template) throw new Error(`${f}：${errors.map((e) => `${e.path} ${e.message}`).join("；")}`);
      return template;
    });
}

let templatesOnce: Template[] | null = null;

/** The built-in templates, read once per process: a folder check detects each workbook's set among them. */
export function builtinTemplates(): Template[] {
  templatesOnce ??= loadBuiltinTemplates();
  return templatesOnce;
}
