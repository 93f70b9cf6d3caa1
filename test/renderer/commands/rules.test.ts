import { moveRule } from "../../../renderer/commands/move-rule";
import { rulesFrom } from "../../../renderer/commands/rules";
import { setEdgeRule } from "../../../renderer/commands/set-edge-rule";
import { seedDoc } from "./seed";

const order = (doc: ReturnType<typeof seedDoc>) => rulesFrom(doc, "agent").map((edge) => edge.id);

describe("rules", () => {
  it("lists a node's rules in engine order, otherwise last", () => {
    expect(order(seedDoc())).toEqual(["agent-ask_human", "agent-action", "agent-end"]);
  });

  it("moveRule swaps two rules and keeps otherwise last", () => {
    const { doc } = moveRule.apply(seedDoc(), { id: "agent-action", by: -1 });
    expect(order(doc)).toEqual(["agent-action", "agent-ask_human", "agent-end"]);
    expect(moveRule.apply(doc, { id: "agent-ask_human", by: 1 }).doc).toBe(doc);
    expect(moveRule.apply(doc, { id: "agent-end", by: -1 }).doc).toBe(doc);
  });

  it("setEdgeRule edits, adds (as the last rule) and removes a rule", () => {
    const edited = setEdgeRule.apply(seedDoc(), { id: "agent-action", when: { type: "calls-tool", tool: "search" } }).doc;
    expect(edited.edges.find((edge) => edge.id === "agent-action")).toMatchObject({ when: { type: "calls-tool", tool: "search" }, order: 1 });
    const plain = setEdgeRule.apply(edited, { id: "ask_human-agent", when: undefined }).doc;
    expect(plain).toBe(edited);
    const ruled = setEdgeRule.apply(edited, { id: "action-agent", when: { type: "otherwise" } }).doc;
    expect(ruled.edges.find((edge) => edge.id === "action-agent")).toEqual({ id: "action-agent", source: "action", target: "agent", when: { type: "otherwise" }, order: 0 });
    const unruled = setEdgeRule.apply(ruled, { id: "action-agent", when: undefined }).doc;
    expect(unruled.edges.find((edge) => edge.id === "action-agent")).toEqual({ id: "action-agent", source: "action", target: "agent" });
  });
});
