import { addStateField } from "../../../renderer/commands/add-state-field";
import { removeStateField } from "../../../renderer/commands/remove-state-field";
import { renameNode } from "../../../renderer/commands/rename-node";
import { renameStateField } from "../../../renderer/commands/rename-state-field";
import { reducerFor, updateStateField } from "../../../renderer/commands/update-state-field";
import { parseJsonEdit, replaceFromJson } from "../../../renderer/commands/replace-from-json";
import { seedDoc } from "./seed";

describe("renameNode", () => {
  it("renames the node, its edges and the entry", () => {
    const { doc } = renameNode.apply(seedDoc(), { from: "agent", to: "model" });
    expect(doc.entry).toBe("model");
    expect(doc.edges.filter((edge) => edge.source === "model" || edge.target === "model")).toHaveLength(5);
  });

  it("refuses taken and invalid names", () => {
    const seed = seedDoc();
    expect(renameNode.apply(seed, { from: "agent", to: "action" }).doc).toBe(seed);
    expect(renameNode.apply(seed, { from: "agent", to: "1 bad" }).doc).toBe(seed);
  });
});

describe("state fields", () => {
  it("adds, renames (with set-node values), retypes and removes fields", () => {
    let doc = addStateField.apply(seedDoc(), { name: "city" }).doc;
    expect(doc.state.fields.city).toEqual({ type: "string", reducer: "replace" });
    doc = { ...doc, nodes: [...doc.nodes, { id: "s", kind: "set", position: { x: 0, y: 0 }, config: { values: { city: "{{last_message}}" } } }] };
    doc = renameStateField.apply(doc, { from: "city", to: "place" }).doc;
    expect(Object.keys(doc.state.fields)).toEqual(["messages", "place"]);
    expect(doc.nodes.at(-1)!.config).toEqual({ values: { place: "{{last_message}}" } });
    doc = updateStateField.apply(doc, { name: "place", field: { type: "list", reducer: reducerFor("list", "replace") } }).doc;
    expect(doc.state.fields.place).toEqual({ type: "list", reducer: "replace" });
    expect(reducerFor("messages", "replace")).toBe("messages");
    expect(reducerFor("string", "sum")).toBe("replace");
    doc = removeStateField.apply(doc, { name: "place" }).doc;
    expect(Object.keys(doc.state.fields)).toEqual(["messages"]);
  });
});

describe("raw JSON edits", () => {
  it("applies a node only when it fits the schema", () => {
    const seed = seedDoc();
    const bad = parseJsonEdit('{"id":"x","kind":"nope"}', "node");
    expect(bad.ok).toBe(false);
    const node = { ...seed.nodes.find((candidate) => candidate.id === "action")!, id: "run_tools" };
    const good = parseJsonEdit(JSON.stringify(node), "node");
    expect(good.ok).toBe(true);
    const { doc } = replaceFromJson.apply(seed, { nodeId: "action", value: good.ok ? good.value : node });
    expect(doc.nodes.map((candidate) => candidate.id)).toContain("run_tools");
    expect(doc.edges.find((edge) => edge.id === "agent-action")!.target).toBe("run_tools");
  });
});
