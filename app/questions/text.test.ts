import { describe, expect, it } from "vitest";
import { foldText, stemKeyOf, stemSimilarity, toPrefixTsQuery } from "./text";

describe("question text helpers", () => {
  it("fold Vietnamese so that searches ignore accents and case", () => {
    expect(foldText("Luật Đất đai 2024!")).toBe("luat dat dai 2024");
    expect(toPrefixTsQuery("luat dat dai")).toBe("luat:* & dat:* & dai:*");
    expect(toPrefixTsQuery("  ?! ")).toBeNull();
    expect(toPrefixTsQuery("a'b & c:*")).toBe("a:* & b:* & c:*");
  });

  it("give the same stem key to stems that differ only in accents, case, spaces and tags", () => {
    expect(stemKeyOf("<p>Tuổi kết hôn của nam là bao nhiêu?</p>")).toBe(
      stemKeyOf("tuoi  ket hon cua NAM la bao nhieu"),
    );
    expect(stemKeyOf("Tuổi kết hôn của nữ?")).not.toBe(stemKeyOf("Tuổi kết hôn của nam?"));
  });

  it("score near-duplicates high and different questions low", () => {
    expect(
      stemSimilarity(
        "Người điều khiển xe mô tô phải đội mũ bảo hiểm không?",
        "Người điều khiển xe mô tô có phải đội mũ bảo hiểm không?",
      ),
    ).toBeGreaterThan(0.7);
    expect(
      stemSimilarity("Tuổi kết hôn của nam là bao nhiêu?", "Thẻ căn cước cấp cho công dân từ mấy tuổi?"),
    ).toBeLessThan(0.2);
  });
});

describe("stem HTML", () => {
  it("sanitises scripts and handlers away and keeps basic formatting", async () => {
    const { sanitizeStem } = await import("./sanitize.server");
    expect(
      sanitizeStem('<p onclick="x()">Điều <b>8</b><script>alert(1)</script><img src="javascript:alert(1)"></p>'),
    ).toBe("<p>Điều <b>8</b><img /></p>");
  });

  it("turns stems into plain text and back", async () => {
    const { stemToText, textToStem } = await import("./html");
    expect(stemToText("<p>A &amp; B</p><p>C&#39;s&nbsp;line<br>two</p>")).toBe("A & B\nC's line\ntwo");
    expect(textToStem("a < b\nc")).toBe("a &#60; b<br>c");
    expect(stemToText(textToStem('Luật "Đất đai" & <Hiến pháp>'))).toBe('Luật "Đất đai" & <Hiến pháp>');
  });
});
