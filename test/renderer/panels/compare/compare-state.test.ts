import { alignMessages, diffState, sameValue } from "../../../../renderer/panels/compare/compare-state";

const human = (content: string, id?: string) => ({ type: "human", content, ...(id ? { id } : {}) });
const ai = (content: string, id?: string, tool_calls?: Array<{ name: string; args: Record<string, unknown>; id?: string }>) => ({ type: "ai", content, ...(id ? { id } : {}), ...(tool_calls ? { tool_calls } : {}) });

describe("compare: state diff", () => {
  it("says per field whether it is the same, changed, or only on one side, graph fields first", () => {
    const diff = diffState({ city: "Paris", count: 2, extra: true }, { city: "Rome", count: 2, later: [1] }, { messagesField: null, fieldOrder: ["count", "city"] });
    expect(diff.map((field) => [field.field, field.status])).toEqual([
      ["count", "same"],
      ["city", "changed"],
      ["extra", "only-a"],
      ["later", "only-b"],
    ]);
    expect(diff[1]).toMatchObject({ a: "Paris", b: "Rome" });
  });

  it("compares objects by value whatever the key order, and messages without their ids", () => {
    expect(sameValue({ x: 1, y: { b: 2, a: 1 } }, { y: { a: 1, b: 2 }, x: 1 })).toBe(true);
    expect(sameValue({ x: 1 }, { x: 2 })).toBe(false);
    expect(sameValue({ messages: [ai("hi", "id-1")] }, { messages: [ai("hi", "id-2")] })).toBe(true);
    expect(sameValue({ messages: [ai("hi", "id-1")] }, { messages: [ai("ho", "id-1")] })).toBe(false);
  });

  it("aligns the messages field and marks the field changed when one message differs", () => {
    const [messages] = diffState({ messages: [human("go", "h"), ai("one", "a1")] }, { messages: [human("go", "h"), ai("uno", "b1")] }, { messagesField: "messages" });
    expect(messages.status).toBe("changed");
    expect(messages.messages!.map((row) => [row.status, row.indexA, row.indexB])).toEqual([
      ["same", 0, 0],
      ["changed", 1, 1],
    ]);
  });
});

describe("compare: message alignment", () => {
  it("pairs by position when the ids do not say otherwise (two threads have their own ids)", () => {
    const rows = alignMessages([human("go", "a"), ai("sunny", "b")], [human("go", "x"), ai("rainy", "y"), ai("more", "z")]);
    expect(rows.map((row) => row.status)).toEqual(["same", "changed", "only-b"]);
  });

  it("pairs by id, so a message inserted on one side does not shift the later ones", () => {
    // A fork that added a message "note" after the question: the answer keeps its id on both branches.
    const a = [human("go", "q"), ai("answer", "r")];
    const b = [human("go", "q"), human("note", "n"), ai("answer", "r")];
    const rows = alignMessages(a, b);
    expect(rows.map((row) => [row.status, row.indexA, row.indexB])).toEqual([
      ["same", 0, 0],
      ["only-b", undefined, 1],
      ["same", 1, 2],
    ]);
    expect(alignMessages(b, a).map((row) => [row.status, row.indexA, row.indexB])).toEqual([
      ["same", 0, 0],
      ["only-a", 1, undefined],
      ["same", 2, 1],
    ]);
  });

  it("a different tool call is a changed message even with the same text", () => {
    const rows = alignMessages([ai("", "a", [{ name: "search", args: { q: "Paris" } }])], [ai("", "a", [{ name: "search", args: { q: "Rome" } }])]);
    expect(rows.map((row) => row.status)).toEqual(["changed"]);
  });
});
