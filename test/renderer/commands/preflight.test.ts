import { settingsApi } from "../../../renderer/client/settings-api";
import { needsPreflight, refusedByPreflight } from "../../../renderer/commands/preflight";
import { useGraphStore } from "../../../renderer/stores/graph-store";
import { currentProblemIndex, useProblemsStore, withServerProblems } from "../../../renderer/stores/problems-store";
import { useRunStore } from "../../../renderer/stores/run-store";
import { useUiStore } from "../../../renderer/stores/ui-store";
import { problemsOf } from "../../../renderer/stores/problems";
import type { GraphDoc } from "../../../shared/graph-doc";
import { seedDoc } from "./seed";

vi.mock("../../../renderer/client/settings-api", () => ({ settingsApi: { preflight: vi.fn() } }));

describe("preflight problems on nodes", () => {
  it("asks the server only about graphs with remote models, code, http or mcp tools", () => {
    const doc = seedDoc();
    expect(needsPreflight(doc)).toBe(false);
    const remote = { ...doc, nodes: doc.nodes.map((node) => (node.kind === "llm" ? { ...node, config: { ...node.config, provider: "openai" } } : node)) } as GraphDoc;
    expect(needsPreflight(remote)).toBe(true);
    const code = { ...doc, nodes: [...doc.nodes, { id: "count", kind: "code", position: { x: 0, y: 0 }, config: { source: "(s) => ({})", timeoutMs: 1000, memoryMb: 64 } }] } as GraphDoc;
    expect(needsPreflight(code)).toBe(true);
    const withTool = (tool: Record<string, unknown>) => ({ ...doc, nodes: doc.nodes.map((node) => (node.kind === "tools" ? { ...node, config: { tools: [tool] } } : node)) }) as GraphDoc;
    expect(needsPreflight(withTool({ kind: "mcp", name: "read", server: "files", tool: "read_file", args: [], description: "" }))).toBe(true);
    expect(needsPreflight(withTool({ kind: "http", name: "weather", url: "http://127.0.0.1:1/w", args: [], description: "" }))).toBe(true);
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

describe("refusedByPreflight: Run asks the server first", () => {
  const remoteDoc = () => ({ ...seedDoc(), nodes: seedDoc().nodes.map((node) => (node.kind === "llm" ? { ...node, config: { ...node.config, provider: "openai", model: "gpt-4o-mini" } } : node)) }) as GraphDoc;

  it("lets a scripted graph run without asking", async () => {
    useGraphStore.setState({ graphName: "agent", doc: seedDoc() });
    expect(await refusedByPreflight()).toBe(false);
    expect(settingsApi.preflight).not.toHaveBeenCalled();
  });

  it("refuses a run the server says cannot start, with the problem on its node and PROBLEMS shown", async () => {
    const doc = remoteDoc();
    useGraphStore.setState({ graphName: "agent", doc });
    const missingKey = { path: "nodes[1].config.provider", message: 'llm node "agent" uses openai, but no API key is set', nodeId: "agent" };
    vi.mocked(settingsApi.preflight).mockResolvedValueOnce({ ok: false, problems: [missingKey] });
    expect(await refusedByPreflight()).toBe(true);
    expect(settingsApi.preflight).toHaveBeenCalledWith({ doc });
    expect(useUiStore.getState().bottomTab).toBe("problems");
    expect(useRunStore.getState().events.at(-1)).toMatchObject({ kind: "refused", node: "agent" });
    expect(currentProblemIndex().byNode.get("agent")).toContainEqual(missingKey);
    // The index is computed from the validator's document and the server's answer, not kept in sync.
    useProblemsStore.setState({ validatedDoc: doc });
    expect(currentProblemIndex().byNode.get("agent")).toContainEqual(missingKey);
    expect(currentProblemIndex()).toBe(currentProblemIndex());
  });

  it("lets the run go when the server has no preflight (a LangGraph deployment)", async () => {
    useGraphStore.setState({ graphName: "agent", doc: remoteDoc() });
    vi.mocked(settingsApi.preflight).mockRejectedValueOnce(new Error("404"));
    expect(await refusedByPreflight()).toBe(false);
  });
});
