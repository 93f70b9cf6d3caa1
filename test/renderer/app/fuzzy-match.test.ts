import { COMMAND_TABLE } from "../../../shared/command-table";
import { fuzzyFilter, fuzzyScore } from "../../../renderer/app/fuzzy-match";

const labels = COMMAND_TABLE.map((command) => `${command.group}: ${command.title}`);

describe("the palette's fuzzy match", () => {
  it("puts a contiguous match first", () => {
    expect(fuzzyFilter("fit", labels, (label) => label)[0]).toBe("Canvas: Fit view");
    expect(fuzzyFilter("theme", labels, (label) => label)[0]).toBe("View: Dark/light theme");
  });

  it("matches scattered letters in order, and nothing out of order", () => {
    expect(fuzzyScore("tgbp", "View: Toggle breakpoint")).not.toBeNull();
    expect(fuzzyScore("pbgt", "View: Toggle breakpoint")).toBeNull();
    expect(fuzzyFilter("cnt", labels, (label) => label)).toContain("Run: Continue");
  });

  it("an empty query keeps every command in table order", () => {
    expect(fuzzyFilter("", labels, (label) => label)).toEqual(labels);
  });
});
