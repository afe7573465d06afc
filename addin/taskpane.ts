// The task pane: says whether the juesuan service is reachable and lists the =JS.… functions with what they
// return. The functions themselves are registered by functions.js in the same (shared) runtime.

import { Remote } from "../functions/remote.ts";

interface FunctionMeta {
  id: string;
  description: string;
  parameters: { name: string; optional?: boolean }[];
}

const remote = new Remote((...args) => fetch(...args), { timeoutMs: 8000, maxConcurrent: 2 });

async function showServiceStatus(el: HTMLElement): Promise<void> {
  try {
    const res = await remote.fetch("/health");
    const body = (await res.json()) as { ok?: boolean; version?: string };
    if (!res.ok || !body.ok) throw new Error(`服务返回 ${res.status}`);
    el.textContent = `已连接（版本 ${body.version ?? "未知"}）`;
    el.className = "ok";
  } catch (err) {
    el.textContent = `离线：${(err as Error).message}。已取得的科目表仍可使用。`;
    el.className = "offline";
  }
}

async function showFunctions(list: HTMLElement): Promise<void> {
  try {
    const res = await remote.fetch("functions.json");
    const { functions } = (await res.json()) as { functions: FunctionMeta[] };
    for (const f of functions) {
      const dt = document.createElement("dt");
      dt.textContent = `=JS.${f.id}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
      const dd = document.createElement("dd");
      dd.textContent = f.description;
      list.append(dt, dd);
    }
  } catch (err) {
    list.textContent = `函数列表无法载入：${(err as Error).message}`;
  }
}

function start(): void {
  void showServiceStatus(document.getElementById("service-status")!);
  void showFunctions(document.getElementById("function-list")!);
}

if (typeof Office !== "undefined") Office.onReady(() => start());
else start();
