// What every zod schema of juesuan's documents and request bodies shares: problems as a clerk reads them (a JSON
// Pointer and one Chinese sentence, cut to the first few), keys that cannot pass for a prototype's, sizes checked before a walk.

import * as z from "zod/mini";

export interface SchemaError {
  /** JSON Pointer into the document ("/tables/2/id"); "" for the document itself */
  path: string;
  message: string;
}

/** How many problems an answer lists; the rest are counted. */
export const MAX_SCHEMA_ERRORS = 20;

/** Names an object inherits: as keys they would be confused with the prototype's, so documents may not use them. */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
export const PROTOTYPE_NAME_MESSAGE = "不能用 constructor、__proto__、toString 等保留名称";

/** `schema` with a description, which the OpenAPI document shows. */
export const described = <S extends z.ZodMiniType>(schema: S, description: string) => schema.check(z.describe(description));

/** A key of a record: matches `pattern` and is no inherited name. */
export function ownKey(pattern: RegExp, patternMessage = "名称格式不对") {
  return z.string().check(
    z.regex(pattern, patternMessage),
    z.refine((k) => !PROTOTYPE_NAMES.has(k), PROTOTYPE_NAME_MESSAGE),
  );
}

type Problem = { code: "too_big"; origin: "object" | "array"; maximum: number; message: string } | { code: "custom"; path: PropertyKey[]; message: string };

/**
 * `schema`, after `precheck` has looked at the raw input: a problem it finds stops the parse before `schema`
 * walks anything, so a huge input is refused in one problem instead of one per entry.
 */
export function prechecked<S extends z.ZodMiniType>(precheck: (v: unknown) => Problem | null, schema: S) {
  return z.pipe(
    z.transform((v: unknown, ctx) => {
      const problem = precheck(v);
      if (!problem) return v;
      ctx.issues.push({ ...problem, input: v });
      return z.NEVER;
    }),
    schema,
  );
}

const isRecord = (v: unknown): v is object => typeof v === "object" && v !== null && !Array.isArray(v);

/** A record of at most `max` entries, counted first; a "__proto__" key (which zod would drop) is refused. */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodMiniType>(key: K, value: V, max: number, what = "") {
  return prechecked((v) => {
    if (!isRecord(v)) return null;
    if (Object.keys(v).length > max) return { code: "too_big", origin: "object", maximum: max, message: `${what}最多 ${max} 项` };
    if (Object.hasOwn(v, "__proto__")) return { code: "custom", path: ["__proto__"], message: PROTOTYPE_NAME_MESSAGE };
    return null;
  }, z.record(key, value).check(z.meta({ maxProperties: max })));
}

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  object: "对象",
  array: "数组",
  null: "null",
};

const pointer = (path: readonly PropertyKey[]) => path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

/**
 * The Chinese sentence for an issue no schema gave its own message to: passed to every parse
 * (`schema.safeParse(doc, { error: zhIssue })`), so a schema's own message still wins.
 */
export function zhIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "缺少此项" : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_big":
      return issue.origin === "string" ? `过长（最多 ${issue.maximum} 个字符）` : issue.origin === "number" ? `不能大于 ${issue.maximum}` : `最多 ${issue.maximum} 项`;
    case "too_small":
      return issue.origin === "string" ? "应为非空文本" : issue.origin === "number" ? `不能小于 ${issue.minimum}` : `至少应有 ${issue.minimum} 项`;
    case "invalid_value":
      return `应为以下之一：${issue.values.map(String).join("、")}`;
    case "unrecognized_keys":
      return "不认识的字段";
    case "invalid_key":
      return "名称格式不对";
    default:
      return "格式不对";
  }
}

/** The problems of a failed parse, in document order, at most `cap` of them, and how many more there are. */
export function schemaErrors(error: { issues: readonly z.core.$ZodIssue[] }, cap = MAX_SCHEMA_ERRORS): { errors: SchemaError[]; more: number } {
  const all: SchemaError[] = [];
  for (const issue of error.issues) {
    // one entry per unknown field, at the field's own path
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) all.push({ path: pointer([...issue.path, key]), message: issue.message });
    else if (issue.code === "invalid_key") for (const inner of issue.issues) all.push({ path: pointer(issue.path), message: inner.message || issue.message });
    else all.push({ path: pointer(issue.path), message: issue.message });
  }
  return { errors: all.slice(0, cap), more: Math.max(0, all.length - cap) };
}

/** “/tables/0/id 应为…”, with “……还有 M 处” when the list was cut. */
export function firstError({ errors, more }: { errors: SchemaError[]; more: number }, separator = " "): string {
  const first = errors[0];
  const head = first ? `${first.path || "/"}${separator}${first.message}` : "格式不对";
  const rest = errors.length - 1 + more;
  return rest > 0 ? `${head}（另有 ${rest} 处问题${more ? `，只列出前 ${errors.length} 处，还有 ${more} 处` : ""}）` : head;
}
