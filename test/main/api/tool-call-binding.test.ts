import { AmbiguousToolAnswerError, bindToolAnswer, pendingToolCalls } from "../../../main/api/tool-call-binding";
import { loadSeedDoc } from "../../helpers/seed";

const asking = { type: "ai", content: "", tool_calls: [{ id: "call_ask", name: "AskHuman", args: {} }, { id: "call_search", name: "search", args: {} }] };
const messages = () => Promise.resolve([{ type: "human", content: "hi" }, asking]);

describe("binding a tool answer without tool_call_id", () => {
  it("narrows the pending calls to the tools whose edges lead to the node (the seed's AskHuman for ask_human)", () => {
    expect(pendingToolCalls([asking], loadSeedDoc(), "ask_human")).toEqual([{ id: "call_ask", name: "AskHuman", args: {} }]);
    expect(pendingToolCalls([asking], undefined, "ask_human").map((call) => call.id)).toEqual(["call_ask", "call_search"]);
    expect(pendingToolCalls([asking, { type: "tool", tool_call_id: "call_ask", content: "x" }], loadSeedDoc(), "ask_human")).toEqual([]);
  });

  it("binds an empty or missing tool_call_id to the one pending call, in either form of messages", async () => {
    for (const answer of [{ type: "tool", tool_call_id: "", content: "rome" }, { role: "tool", content: "rome" }]) {
      const { values, binding } = await bindToolAnswer({ messages: [answer] }, messages, loadSeedDoc(), "ask_human");
      expect(values).toEqual({ messages: [{ ...answer, tool_call_id: "call_ask" }] });
      expect(binding).toMatchObject({ tool_call_id: "call_ask", name: "AskHuman" });
    }
    const single = await bindToolAnswer({ messages: { type: "tool", content: "rome" } }, messages, loadSeedDoc(), "ask_human");
    expect(single.values).toEqual({ messages: { type: "tool", content: "rome", tool_call_id: "call_ask" } });
  });

  it("refuses when several calls wait for the node, and leaves other updates alone", async () => {
    await expect(bindToolAnswer({ messages: [{ type: "tool", content: "?" }] }, messages, undefined, "ask_human")).rejects.toThrow(AmbiguousToolAnswerError);
    await expect(bindToolAnswer({ messages: [{ type: "tool", content: "?" }] }, messages, undefined, "ask_human")).rejects.toThrow(/call_ask \(AskHuman\), call_search \(search\)/);
    const untouched = { messages: [{ type: "tool", content: "?", tool_call_id: "call_ask" }] };
    expect(await bindToolAnswer(untouched, messages, undefined, "ask_human")).toEqual({ values: untouched });
    expect(await bindToolAnswer({ messages: [{ type: "tool", content: "?" }] }, messages, undefined, undefined)).toEqual({ values: { messages: [{ type: "tool", content: "?" }] } });
  });
});
