import { describe, expect, it } from "vitest";
import { findWords } from "../../web/text-view.ts";

describe("findWords: core's excerpt found back in the paragraph as written", () => {
  it("maps past spaces and full-width digits to the original characters", () => {
    const line = "本年支出合计 ９４６. 63 万元，比上年增加。";
    const at = findWords(line, "946.63万元")!;
    expect(line.slice(at[0], at[1])).toBe("９４６. 63 万元");
  });

  it("finds plain words and says null when they are not on the line", () => {
    expect(findWords("基本支出947.00万元。", "947.00")).toEqual([4, 10]);
    expect(findWords("基本支出947.00万元。", "948.00")).toBeNull();
    expect(findWords("任何文字", "")).toBeNull();
  });
});
