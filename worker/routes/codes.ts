// /v1/editions and /v1/codes: the reference codes by edition year, for the add-in, the CLI and anyone else.

import { Hono } from "hono";
import { type CodeKind, KIND_NAMES, kindOf, levelOf, nameKey, normalizeCode } from "../../core/index.ts";
import { CodesStore } from "../codes-store.ts";
import { type HeldEdition, cachedEdition } from "../edition-cache.ts";
import { badRequest, notFound } from "../http-errors.ts";

export const codes = new Hono<{ Bindings: Env }>();

function parseYear(raw: string): number | "latest" {
  if (raw === "latest") return "latest";
  if (!/^\d{4}$/.test(raw)) throw badRequest(`“${raw}”不是年度（应为四位数字，如 2021，或 latest）`);
  return Number(raw);
}

async function editionOr404(db: D1Database, raw: string): Promise<HeldEdition> {
  const year = parseYear(raw);
  const held = await cachedEdition(db, year);
  if (!held) throw notFound("edition_not_found", year === "latest" ? "尚未载入任何科目表" : `没有 ${year} 年的科目表`);
  return held;
}

codes.get("/editions", async (c) => {
  const editions = await new CodesStore(c.env.DB).editions();
  return c.json({ editions });
});

codes.get("/codes/:year", async (c) => {
  const q = c.req.query("q")?.trim() || undefined;
  const kind = c.req.query("kind") || undefined;
  if (q !== undefined && q.length > 50) throw badRequest("查询词过长（最多 50 个字符）");
  if (kind !== undefined && kind !== "function" && kind !== "economic") {
    throw badRequest(`kind 应为 function（支出功能分类）或 economic（经济分类），而不是“${kind}”`);
  }
  const { meta, edition } = await editionOr404(c.env.DB, c.req.param("year"));
  const key = q === undefined ? "" : nameKey(q);
  const entries = edition
    .entries()
    .filter((e) => (!kind || e.kind === (kind as CodeKind)) && (!q || e.code.startsWith(q) || nameKey(e.name).includes(key)));
  // the whole edition's ETag is its content hash, which is also what publishing asks for in If-Match
  if (!q && !kind) c.header("ETag", `"${meta.hash}"`);
  return c.json({ year: meta.year, status: meta.status, ...(meta.source ? { source: meta.source } : {}), hash: meta.hash, version: meta.version, count: entries.length, entries });
});

codes.get("/codes/:year/:code", async (c) => {
  const raw = c.req.param("code");
  const code = normalizeCode(raw);
  if (!code) throw badRequest(`“${raw}”不是科目编码（功能分类 3/5/7 位、经济分类 3/5 位数字）`);
  const { meta, edition } = await editionOr404(c.env.DB, c.req.param("year"));
  const entry = edition.get(code);
  if (!entry) {
    const kind = kindOf(code)!;
    const partial = meta.status[kind] === "partial";
    throw notFound(
      "code_not_found",
      `科目 ${code} 不在${partial ? "已载入的" : ""} ${meta.year} 年${KIND_NAMES[kind]}科目表中${partial ? "（该科目表不完整）" : ""}`,
    );
  }
  return c.json({
    code,
    name: entry.name,
    kind: entry.kind,
    level: levelOf(code),
    path: edition.chain(code),
    edition: { year: meta.year, status: meta.status[entry.kind], hash: meta.hash },
    provenance: { status: entry.provenance, source: entry.source },
    ...(entry.formerNames ? { formerNames: entry.formerNames } : {}),
  });
});
