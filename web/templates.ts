// The templates the page offers: the built-in ones (in the bundle, so they work offline) and those a finance
// bureau published on this Worker (/v1/templates, fetched when chosen; kept by the service worker once used).

import { type Template, validateTemplate } from "../core/templates/template.ts";

export interface TemplateChoice {
  id: string;
  label: string;
}

/** every data/templates/*.json, put in by web/build.ts as the command line reads them (cli/builtin-data.ts) */
declare const BUILTIN_TEMPLATES: unknown[];
const BUILT_IN = BUILTIN_TEMPLATES.map((t) => validateTemplate(t).template).filter((t): t is Template => !!t);

/** The built-in templates, among which a workbook's table set is detected when none is chosen (as the CLI does). */
export const builtInTemplates = (): Template[] => BUILT_IN;
const fetched = new Map<string, Template>(BUILT_IN.map((t) => [t.id, t]));
const labelOf = (t: { region: string; year: number; name: string }) => `${t.region} · ${t.year} · ${t.name}`;

/** Built-in templates first, then the published ones the Worker lists (none when it cannot be reached). */
export async function templateChoices(): Promise<TemplateChoice[]> {
  const builtIn = BUILT_IN.map((t) => ({ id: t.id, label: labelOf(t) }));
  try {
    const res = await fetch("/v1/templates");
    if (!res.ok) throw new Error(String(res.status));
    const { templates } = (await res.json()) as { templates: { id: string; region: string; year: number; name: string }[] };
    const published = templates.filter((t) => !BUILT_IN.some((b) => b.id === t.id));
    return [...builtIn, ...published.map((t) => ({ id: t.id, label: labelOf(t) }))];
  } catch {
    return builtIn;
  }
}

export async function loadTemplate(id: string): Promise<Template> {
  const known = fetched.get(id);
  if (known) return known;
  const res = await fetch(`/v1/templates/${encodeURIComponent(id)}`);
  if (!res.ok) throw new Error(`模板“${id}”无法取得（${res.status}）`);
  const { template, errors } = validateTemplate(((await res.json()) as { template: unknown }).template);
  if (!template) throw new Error(`模板“${id}”不符合格式：${errors[0]?.message ?? ""}`);
  fetched.set(id, template);
  return template;
}
