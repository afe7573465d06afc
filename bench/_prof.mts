import { checkTables } from "../core/rules/check-tables.ts";
import { benchDisclosure } from "./bench-disclosure.ts";
const { codes, sheets } = benchDisclosure();
for (let i = 0; i < 300; i++) checkTables(sheets, { codes });
const t = performance.now();
for (let i = 0; i < 200; i++) checkTables(sheets, { codes });
console.log(((performance.now() - t) / 200).toFixed(2), "ms");
