import { describeConditionalBreakpoint, isConditionalBreakpoint, isConditionalBreakpointPause, ordinal } from "../../shared/breakpoints";

const says = { type: "last-message-contains" as const, text: "two" };

describe("conditional breakpoints in words", () => {
  it("the marker's tooltip says the condition", () => {
    expect(describeConditionalBreakpoint({ when: says })).toBe('Pauses before this node when the last message says "two"');
    expect(describeConditionalBreakpoint({ hitCount: 3 })).toBe("Pauses before this node the 3rd time it runs");
    expect(describeConditionalBreakpoint({ when: { type: "field-equals", field: "city", value: "Paris" }, hitCount: 2 })).toBe('Pauses before this node when city = "Paris", the 2nd time the rule holds');
    expect(describeConditionalBreakpoint({ when: { type: "last-message-from", role: "tool", tool: "search" } })).toBe("Pauses before this node when the last message is from the tool search");
  });

  it("ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]);
  });

  it("tells a conditional breakpoint (and its interrupt payload) from a plain one", () => {
    expect(isConditionalBreakpoint({ before: true })).toBe(false);
    expect(isConditionalBreakpoint({ hitCount: 1 })).toBe(true);
    expect(isConditionalBreakpoint({ when: says })).toBe(true);
    expect(isConditionalBreakpointPause({ breakpoint: "agent", hit: 2 }, "agent")).toBe(true);
    expect(isConditionalBreakpointPause({ breakpoint: "agent", hit: 2 }, "other")).toBe(false);
    expect(isConditionalBreakpointPause({ question: "Where?" }, "agent")).toBe(false);
    expect(isConditionalBreakpointPause("Where?", "agent")).toBe(false);
  });
});
