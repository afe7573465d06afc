// manifest.xml cannot be validated offline (office-addin-manifest needs a Microsoft service), so its structure
// is checked here: the shared runtime, the resids, the requirement set, the custom functions' namespace.

import { readFileSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

const xml = readFileSync("manifest.xml", "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["Set", "bt:Url", "bt:String", "bt:Image", "Runtime", "Host", "ExtensionPoint"].includes(name) });
const doc = parser.parse(xml).OfficeApp;
const host = doc.VersionOverrides.Hosts.Host[0];
const resources = doc.VersionOverrides.Resources;

/** Every resid="…" in the document, with the element that carries it. */
function resids(): string[] {
  return [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!);
}

function defined(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const group of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
    const items = Object.values(resources[group] as Record<string, { "@id": string; "@DefaultValue": string }[]>)[0]!;
    for (const item of items) ids.set(item["@id"], item["@DefaultValue"]);
  }
  return ids;
}

describe("manifest.xml", () => {
  it("is well-formed XML of a task pane add-in for Excel", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(doc["@xsi:type"]).toBe("TaskPaneApp");
    expect(doc.Hosts.Host[0]["@Name"]).toBe("Workbook");
    expect(doc.Id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("every resid resolves to a resource, and resids fit the 32-character limit", () => {
    const ids = defined();
    for (const id of resids()) {
      expect(ids.has(id), id).toBe(true);
      expect(id.length).toBeLessThanOrEqual(32);
    }
  });

  it("one long-lived runtime is shared by the task pane, the functions page and the function file", () => {
    const runtimes = host.Runtimes.Runtime;
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]["@lifetime"]).toBe("long");
    const shared = runtimes[0]["@resid"];
    const cf = host.AllFormFactors.ExtensionPoint.find((e: Record<string, string>) => e["@xsi:type"] === "CustomFunctions");
    expect(cf.Page.SourceLocation["@resid"]).toBe(shared);
    const desktop = host.DesktopFormFactor;
    expect(desktop.FunctionFile["@resid"]).toBe(shared);
    const button = desktop.ExtensionPoint[0].OfficeTab.Group.Control;
    expect(button.Action.SourceLocation["@resid"]).toBe(shared);
    expect(defined().get(shared)).toMatch(/\/taskpane\.html$/);
  });

  it("requires SharedRuntime 1.1", () => {
    const sets = doc.Requirements.Sets.Set as Record<string, string>[];
    expect(sets).toContainEqual({ "@Name": "SharedRuntime", "@MinVersion": "1.1" });
  });

  it("declares the JS namespace, functions.js and functions.json", () => {
    const cf = host.AllFormFactors.ExtensionPoint.find((e: Record<string, string>) => e["@xsi:type"] === "CustomFunctions");
    const ids = defined();
    expect(ids.get(cf.Namespace["@resid"])).toBe("JS");
    expect(ids.get(cf.Script.SourceLocation["@resid"])).toMatch(/\/functions\.js$/);
    expect(ids.get(cf.Metadata.SourceLocation["@resid"])).toMatch(/\/functions\.json$/);
  });

  it("every URL is https on one origin (the Worker rewrites it per request)", () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => new URL(m[1]!));
    expect(urls.length).toBeGreaterThan(5);
    expect(new Set(urls.map((u) => u.origin))).toEqual(new Set(["https://localhost:8787"]));
  });
});
