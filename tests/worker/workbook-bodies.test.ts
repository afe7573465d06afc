import { describe, it } from "vitest";

describe("workbook bodies", () => {
  // Waits for the lean reader (hosts/workbook.ts, files branch), not on main by 09:00: with exceljs's browser
  // bundle the second .xlsx of an isolate hangs (issue 16 item 1). The test and the route's switch to
  // readWorkbook are ready on branch wt/worker-readers (POST 50 bodies in one isolate: 50 × 200 in 1.7 s there).
  it.todo("50 .xlsx bodies one after another in one isolate are all checked");
});
