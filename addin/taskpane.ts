// The page around the pane: the service status, the pane itself (pane/pane.ts) and, folded away, the list of
// =JS.… functions. Loaded by runtime.ts with the functions' registration, in one script.

import { Remote } from "../functions/remote.ts";
import { startPane } from "./pane/pane.ts";
import { h } from "./pane/dom.ts";

interface FunctionMeta {
  id: string;
  description: string;
  parameters: { name: string; optional?: boolean; repeating?: boolean }[];
}

const remote = new Remote((...args) => fetch(...args), { timeoutMs: 8000, maxConcurrent: 2 });

async function showServiceStatus(el: HTMLElement): Promise<void> {
  try {
    const res = await remote.fetch("/health");
    const body = (await res.json()) as { ok?: boolean; version?: string };
    if (!res.ok || !body.ok) throw new Error(`服务返回 ${res.status}`);
    el.textContent = `服务已连接（版本 ${body.version ?? "未知"}）`;
    el.className = "ok";
  } catch (err) {
    el.textContent = `离线：${(err as Error).message}。已取得的模板和科目表仍可使用。`;
    el.className = "offline";
  }
}

async function showFunctions(list: HTMLElement): Promise<void> {
  try {
    const res = await remote.fetch("functions.json");
    const { functions } = (await res.json()) as { functions: FunctionMeta[] };
    for (const f of functions) {
      const params = f.parameters.map((p) => (p.optional || p.repeating ? `[${p.name}${p.repeating ? ", …" : ""}]` : p.name)).join(", ");
      list.append(h("dt", {}, `=JS.${f.id}(${params})`), h("dd", {}, f.description));
    }
  } catch (err) {
    list.textContent = `函数列表无法载入：${(err as Error).message}`;
  }
}

function start(): void {
  // the shared runtime may load the script without the pane's page
  if (!document.getElementById("pane")) return;
  void showServiceStatus(document.getElementById("service-status")!);
  void showFunctions(document.getElementById("function-list")!);
  void startPane(document.getElementById("pane")!);
}

if (typeof Office !== "undefined") Office.onReady(() => start());
else start();
