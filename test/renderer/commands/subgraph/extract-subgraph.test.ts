import type { GraphDoc } from "../../../../shared/graph-doc";
import { validateGraphDoc } from "../../../../shared/graph-validate";
import { extractSubgraph, SubgraphSelectionError } from "../../../../renderer/commands/subgraph/extract-subgraph";
import { seedDoc } from "../seed";
import { chainDoc } from "./chain-doc";

const edgesOf = (doc: GraphDoc) => doc.edges.map((edge) => `${edge.source}->${edge.target}${edge.when ? ` [${edge.when.type}]` : ""}`).sort();

describe("New subgraph from selection (the document transformation)", () => {
  it("moves a chain's middle into a new graph and rewires the edges around one subgraph node", () => {
    const doc = chainDoc();
    const { parent, child, nodeId } = extractSubgraph(doc, ["a", "b", "c"], "research");
    expect(nodeId).toBe("research");
    expect(parent.nodes.map((node) => node.id)).toEqual(["prep", "finish", "research"]);
    expect(parent.nodes.find((node) => node.id === "research")).toEqual({ id: "research", kind: "subgraph", position: { x: 100, y: 300 }, config: { graph: "research" } });
    expect(edgesOf(parent)).toEqual(["finish->__end__", "prep->research", "research->finish"]);
    expect(parent.entry).toBe("prep");
    expect(child.name).toBe("research");
    expect(child.entry).toBe("a");
    expect(child.nodes.map((node) => [node.id, node.position])).toEqual([["a", { x: 0, y: 0 }], ["b", { x: 0, y: 150 }], ["c", { x: 0, y: 300 }]]);
    expect(edgesOf(child)).toEqual(["a->b", "b->c", "c->__end__"]);
    // The fields the moved nodes name, with the parent's type and reducer; `report` only `finish` uses.
    expect(child.state.fields).toEqual({ topic: doc.state.fields.topic, notes: doc.state.fields.notes, draft: doc.state.fields.draft });
  });

  it("gives documents that validate, the parent against a workspace holding the child", () => {
    const { parent, child } = extractSubgraph(chainDoc(), ["a", "b", "c"], "research");
    expect(validateGraphDoc(child).problems).toEqual([]);
    expect(validateGraphDoc(parent, new Map([["research", child]])).problems).toEqual([]);
    // The original is untouched (pure).
    expect(chainDoc().nodes).toHaveLength(5);
  });

  it("takes the entry with it: the whole seed becomes one subgraph node the parent starts at; the rules stay inside", () => {
    const seed = seedDoc();
    const { parent, child, nodeId } = extractSubgraph(seed, ["agent", "ask_human", "action"], "weather");
    expect(parent.entry).toBe(nodeId);
    expect(parent.nodes.map((node) => node.id)).toEqual(["weather"]);
    // agent's "otherwise -> END" is the only way out: a plain edge from the subgraph node.
    expect(parent.edges).toEqual([{ id: "weather-end", source: "weather", target: "__end__" }]);
    expect(child.entry).toBe("agent");
    expect(edgesOf(child)).toEqual(edgesOf(seed));
    expect(child.state.fields).toEqual(seed.state.fields);
    expect(validateGraphDoc(child).problems).toEqual([]);
    expect(validateGraphDoc(parent, new Map([["weather", child]])).problems).toEqual([]);
  });

  it("keeps the rules out of the selection on the subgraph node, and ends them inside the new graph", () => {
    const seed = seedDoc();
    const { parent, child } = extractSubgraph(seed, ["agent"], "thinker");
    expect(edgesOf(parent)).toEqual(["action->thinker", "ask_human->thinker", "thinker->__end__ [otherwise]", "thinker->action [has-tool-calls]", "thinker->ask_human [calls-tool]"]);
    expect(edgesOf(child)).toEqual(["agent->__end__ [calls-tool]", "agent->__end__ [has-tool-calls]", "agent->__end__ [otherwise]"]);
    expect(child.state.fields).toEqual({ messages: seed.state.fields.messages });
  });

  it("refuses a selection entered at two nodes, and an empty one, naming the problem", () => {
    const doc = chainDoc();
    expect(() => extractSubgraph(doc, ["a", "c"], "x")).toThrow(SubgraphSelectionError);
    expect(() => extractSubgraph(doc, ["a", "c"], "x")).toThrow(/entered at "a" and "c"/);
    expect(() => extractSubgraph(doc, ["__start__"], "x")).toThrow(/select the nodes/);
  });

  it("picks a free node id when the graph name is taken by a node that stays", () => {
    const { nodeId, parent } = extractSubgraph(chainDoc(), ["b"], "finish");
    expect(nodeId).toBe("finish_2");
    expect(parent.nodes.find((node) => node.id === nodeId)).toMatchObject({ kind: "subgraph", config: { graph: "finish" } });
  });

  it("moves a join onto the subgraph node when the joined node is its entry", () => {
    const doc = chainDoc();
    doc.edges.push({ id: "prep-c", source: "prep", target: "c" });
    doc.nodes = doc.nodes.map((node) => (node.id === "c" ? { ...node, join: true } : node));
    const { parent, child } = extractSubgraph(doc, ["c"], "writer");
    expect(parent.nodes.find((node) => node.id === "writer")?.join).toBe(true);
    expect(edgesOf(parent)).toContain("b->writer");
    expect(edgesOf(parent)).toContain("prep->writer");
    expect(child.nodes[0].join).toBeUndefined();
  });

  it("copies a for-each edge's item field into the new graph and keeps the fan-out in the parent", () => {
    const doc = chainDoc();
    doc.edges = doc.edges.map((edge) => (edge.id === "prep-a" ? { ...edge, when: { type: "for-each", field: "notes", as: "topic" } } : edge));
    const { parent, child } = extractSubgraph(doc, ["a"], "one");
    expect(parent.edges.find((edge) => edge.target === "one")?.when).toEqual({ type: "for-each", field: "notes", as: "topic" });
    expect(Object.keys(child.state.fields)).toEqual(expect.arrayContaining(["topic", "notes"]));
  });
});
