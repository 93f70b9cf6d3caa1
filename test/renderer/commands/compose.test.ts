import type { GraphDoc } from "../../../shared/graph-doc";
import { rulesFrom } from "../../../renderer/commands/rules";
import { defaultForEach, ForEachChoiceError, setForEach } from "../../../renderer/commands/set-for-each";
import { setJoin } from "../../../renderer/commands/set-join";
import { forkCounts } from "../../../renderer/stores/flow-from-doc";
import { problemsOf } from "../../../renderer/stores/problems";
import { seedDoc } from "./seed";

const withTopics = (doc: GraphDoc): GraphDoc => ({ ...doc, state: { ...doc.state, fields: { ...doc.state.fields, topics: { type: "list", reducer: "replace" }, topic: { type: "string", reducer: "replace" } } } as GraphDoc["state"] });

describe("joins, forks and for-each", () => {
  it("setJoin marks a node as a join and clears the key again; the same value changes nothing", () => {
    const joined = setJoin.apply(seedDoc(), { id: "action", on: true }).doc;
    expect(joined.nodes.find((node) => node.id === "action")?.join).toBe(true);
    expect(setJoin.apply(joined, { id: "action", on: true }).doc).toBe(joined);
    const plain = setJoin.apply(joined, { id: "action", on: false }).doc;
    expect("join" in plain.nodes.find((node) => node.id === "action")!).toBe(false);
  });

  it("setForEach makes an edge a for-each over a list field, which is not one of its source's rules", () => {
    const doc = withTopics(seedDoc());
    const edge = doc.edges.find((candidate) => candidate.id === "action-agent")!;
    expect(defaultForEach(doc, edge, undefined)).toEqual({ field: "topics", as: "topic" });
    const mapped = setForEach.apply(doc, { id: edge.id, forEach: { field: "topics", as: "topic" } }).doc;
    expect(mapped.edges.find((candidate) => candidate.id === edge.id)).toEqual({ id: edge.id, source: "action", target: "agent", when: { type: "for-each", field: "topics", as: "topic" } });
    expect(rulesFrom(mapped, "action")).toEqual([]);
    expect(problemsOf(mapped, new Map()).all.filter((problem) => problem.edgeId === edge.id)).toEqual([]);
    expect(setForEach.apply(mapped, { id: edge.id, forEach: undefined }).doc.edges.find((candidate) => candidate.id === edge.id)).toEqual({ id: edge.id, source: "action", target: "agent" });
  });

  it("refuses a for-each over a field that is not a list, and one in a graph without a list field", () => {
    const doc = withTopics(seedDoc());
    expect(() => setForEach.apply(doc, { id: "action-agent", forEach: { field: "topic", as: "topic" } })).toThrow(ForEachChoiceError);
    expect(() => defaultForEach(seedDoc(), seedDoc().edges.find((edge) => edge.id === "action-agent")!, undefined)).toThrow(/no list field/);
  });

  it("counts the plain edges of a fork (two or more), not rules", () => {
    const doc = seedDoc();
    const forked = { ...doc, edges: [...doc.edges, { id: "action-ask_human", source: "action", target: "ask_human" }] };
    expect(forkCounts(doc).get("action")).toBeUndefined();
    expect(forkCounts(forked).get("action")).toBe(2);
    expect(forkCounts(forked).get("agent")).toBeUndefined();
  });

  it("with the workspace's graphs, a subgraph node naming a missing graph is a problem", () => {
    const doc = seedDoc();
    const withSub = { ...doc, nodes: [...doc.nodes, { id: "research", kind: "subgraph", config: { graph: "researcher" }, position: { x: 0, y: 400 } }], edges: [...doc.edges, { id: "action-research", source: "action", target: "research" }] } as GraphDoc;
    expect(problemsOf(withSub, undefined).all.some((problem) => problem.nodeId === "research")).toBe(false);
    const missing = problemsOf(withSub, new Map()).all.filter((problem) => problem.nodeId === "research");
    expect(missing.map((problem) => problem.message).join()).toMatch(/not in this workspace/);
  });
});
