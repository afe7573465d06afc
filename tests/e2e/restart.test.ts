import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { localPublishToken } from "../../scripts/dev-vars.ts";
import { startJuesuan } from "../../scripts/local-worker.ts";

describe("npm start across restarts", () => {
  it("keeps what was published in the local D1, and the seed does not undo it", async () => {
    const persistTo = mkdtempSync(join(tmpdir(), "juesuan-keep-"));
    try {
      const first = await startJuesuan({ persistTo, prebuilt: true });
      const template = { id: "restart-city-2025", name: "重启测试模板", region: "测试市", year: 2025, tables: [{ id: "T01", title: "收入支出决算总表", required: true }] };
      try {
        const res = await fetch(`${first.origin}/v1/templates/restart-city-2025`, {
          method: "PUT",
          headers: { Authorization: `Bearer ${localPublishToken()}`, "Content-Type": "application/json", "If-None-Match": "*" },
          body: JSON.stringify(template),
        });
        expect(res.status).toBe(201);
        const codes = await fetch(`${first.origin}/v1/codes/2024`);
        const put = await fetch(`${first.origin}/v1/codes/2024`, {
          method: "PUT",
          headers: { Authorization: `Bearer ${localPublishToken()}`, "Content-Type": "application/json", "If-Match": codes.headers.get("ETag")! },
          body: JSON.stringify({ entries: [{ code: "204", name: "公共安全支出" }, { code: "20402", name: "公安" }, { code: "2040250", name: "公安事业运行" }] }),
        });
        expect(put.status).toBe(200);
      } finally {
        first.stop();
      }
      const second = await startJuesuan({ persistTo, prebuilt: true });
      try {
        const t = (await (await fetch(`${second.origin}/v1/templates/restart-city-2025`)).json()) as { name: string; origin: string };
        expect(t).toMatchObject({ name: "重启测试模板", origin: "published" });
        const c = (await (await fetch(`${second.origin}/v1/codes/2024/2040250`)).json()) as { name: string };
        expect(c.name).toBe("公安事业运行");
      } finally {
        second.stop();
      }
    } finally {
      rmSync(persistTo, { recursive: true, force: true });
    }
  }, 120_000);
});
