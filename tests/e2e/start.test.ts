import { describe, expect, inject, it } from "vitest";

const origin = inject("origin");

describe("npm start", () => {
  it("answers /health within 30 s of starting", () => {
    console.log(`npm start → /health in ${inject("startupMs")} ms`);
    expect(inject("startupMs")).toBeLessThan(30_000);
  });

  it("serves GET /v1/codes/2021/2040250 naming 事业运行 with its path", async () => {
    const body = (await (await fetch(`${origin}/v1/codes/2021/2040250`)).json()) as { name: string; path: { name: string }[] };
    expect(body.name).toBe("事业运行");
    expect(body.path.map((p) => p.name)).toEqual(["公共安全支出", "公安", "事业运行"]);
  });

  it("serves the pane, functions.js, functions.json and a manifest pointing at this origin", async () => {
    for (const path of ["/taskpane.html", "/functions.js", "/functions.json", "/office-js/office.js", "/assets/icon-32.png"]) {
      const res = await fetch(`${origin}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(200);
    }
    const manifest = await (await fetch(`${origin}/manifest.xml`)).text();
    expect(manifest).toContain(`${origin}/taskpane.html`);
    expect(manifest).toContain(`${origin}/functions.json`);
  });
});
