import { needsPreflight, withServerProblems } from "../../../renderer/commands/preflight";
import { problemsOf } from "../../../renderer/stores/problems";
import type { GraphDoc } from "../../../shared/graph-doc";
import { seedDoc } from "./seed";

describe("preflight problems on nodes", () => {
  it("asks the server only about graphs with remote models or code", () => {
    const doc = seedDoc();
    expect(needsPreflight(doc)).toBe(false);
    const remote = { ...doc, nodes: doc.nodes.map((node) => (node.kind === "llm" ? { ...node, config: { ...node.config, provider: "openai" } } : node)) } as GraphDoc;
    expect(needsPreflight(remote)).toBe(true);
    const code = { ...doc, nodes: [...doc.nodes, { id: "count", kind: "code", position: { x: 0, y: 0 }, config: { source: "(s) => ({})", timeoutMs: 1000, memoryMb: 64 } }] } as GraphDoc;
    expect(needsPreflight(code)).toBe(true);
  });

  it("adds the server's problems to the validator's, on the nodes that still exist", () => {
    const doc = seedDoc();
    const local = problemsOf(doc);
    const missingKey = { path: "nodes[1].config.provider", message: "no API key", nodeId: "agent" };
    const gone = { path: "nodes[9].config.source", message: "does not compile", nodeId: "deleted" };
    const merged = withServerProblems(local, doc, [missingKey, gone]);
    expect(merged.all).toEqual([...local.all, missingKey]);
    expect(merged.byNode.get("agent")).toEqual([missingKey]);
    expect(merged.byNode.has("deleted")).toBe(false);
    expect(withServerProblems(local, doc, [])).toBe(local);
  });
});
