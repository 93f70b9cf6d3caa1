import { answeredToolName, conditionHolds, describeCondition } from "../../shared/conditions";
import { renderTemplate } from "../../shared/template";

const askCall = { type: "ai", content: "", tool_calls: [{ name: "AskHuman", args: { question: "Where?" }, id: "call_1" }] };
const answer = { type: "tool", content: "san francisco", tool_call_id: "call_1" };

describe("conditions", () => {
  it("reads rules as sentences", () => {
    expect(describeCondition({ type: "calls-tool", tool: "AskHuman" })).toBe("calls AskHuman");
    expect(describeCondition({ type: "has-tool-calls" })).toBe("has tool calls");
    expect(describeCondition({ type: "otherwise" })).toBe("otherwise");
  });

  it("evaluates tool-call rules on the last message", () => {
    const state = { messages: [askCall] };
    expect(conditionHolds({ type: "calls-tool", tool: "AskHuman" }, state)).toBe(true);
    expect(conditionHolds({ type: "calls-tool", tool: "search" }, state)).toBe(false);
    expect(conditionHolds({ type: "has-tool-calls" }, { messages: [answer] })).toBe(false);
  });

  it("finds the tool a hand-written answer replies to through its call id", () => {
    expect(answeredToolName([askCall, answer], answer)).toBe("AskHuman");
    expect(conditionHolds({ type: "last-message-from", role: "tool", tool: "AskHuman" }, { messages: [askCall, answer] })).toBe(true);
  });

  it("compares fields by value", () => {
    expect(conditionHolds({ type: "field-equals", field: "route", value: { a: 1 } }, { route: { a: 1 } })).toBe(true);
    expect(conditionHolds({ type: "field-equals", field: "route", value: "x" }, { route: "y" })).toBe(false);
  });
});

describe("renderTemplate", () => {
  it("fills the last message, state fields and tool arguments", () => {
    const state = { messages: [{ type: "human", content: "hi" }, answer], city: "Paris", n: 3 };
    expect(renderTemplate("weather in {{last_message}}", { state })).toBe("weather in san francisco");
    expect(renderTemplate("{{state.city}} x{{state.n}}", { state })).toBe("Paris x3");
    expect(renderTemplate("q={{ args.query }}", { args: { query: "sun" } })).toBe("q=sun");
    expect(renderTemplate("first: {{input}}", { state })).toBe("first: hi");
    expect(renderTemplate("[{{state.missing}}]", { state })).toBe("[]");
  });
});
