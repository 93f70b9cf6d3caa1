import type { AssistantGraph } from "@langchain/langgraph-sdk";
import { graphViewApi } from "../../../../renderer/client/graph-view-api";
import { closeDrawnGraph, openCodeGraph, reloadCodeGraph } from "../../../../renderer/commands/code-graph/open-drawn-graph";
import { toggleBreakpoint } from "../../../../renderer/commands/run/toggle-breakpoint";
import { runBreakpointsOf } from "../../../../renderer/commands/run/breakpoints";
import { graphHistory, useGraphStore } from "../../../../renderer/stores/graph-store";
import { breakpointsOf, debugNodeIdsOf, openGraphView, stateFieldsOf } from "../../../../renderer/stores/open-graph-facts";
import { problemsOfOpenGraph } from "../../../../renderer/stores/problems";
import { currentProblemIndex } from "../../../../renderer/stores/problems-store";
import { useOpenGraph } from "../../../../renderer/stores/open-graph-store";
import { workspaceServer } from "../../../../renderer/client/langgraph";
import { useRunStore } from "../../../../renderer/stores/run-store";
import { useWorkspaceStore } from "../../../../renderer/stores/workspace-store";
import type { WorkspaceGraphInfo } from "../../../../shared/api";

const agent: AssistantGraph = {
  nodes: [{ id: "__start__" }, { id: "agent" }, { id: "tools" }, { id: "__end__" }],
  edges: [
    { source: "__start__", target: "agent" },
    { source: "agent", target: "tools", conditional: true },
    { source: "agent", target: "__end__", conditional: true },
    { source: "tools", target: "agent" },
  ],
};
const code = { file: "src/agent.ts", path: "/p/src/agent.ts", export: "graph", spec: "./src/agent.ts:graph", version: 1, loaded_at: "" };
const info: WorkspaceGraphInfo = { name: "agent", file: "src/agent.ts", valid: true, problems: [], source: "code", code };

describe("opening a code graph", () => {
  beforeEach(() => {
    // elkjs's bundle looks for the browser's globals on `window`.
    vi.stubGlobal("window", Object.assign(Object.create(globalThis), { location: { hash: "", origin: "http://127.0.0.1:1" } }));
    vi.stubGlobal("history", { replaceState: vi.fn() });
    vi.spyOn(graphViewApi, "drawable").mockResolvedValue(agent);
    vi.spyOn(graphViewApi, "stateSchema").mockResolvedValue({ properties: { messages: { type: "array" } } });
    useWorkspaceStore.setState({ graphs: [info] });
  });
  afterEach(() => {
    closeDrawnGraph();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("draws it read-only; the debugger reads the open graph, the graph store holds no document", async () => {
    await openCodeGraph(info);
    const { graph, drawing } = useOpenGraph.getState();
    const { nodes, edges } = drawing;
    expect(graph!.error).toBeUndefined();
    // A code graph runs on the page's own server, through its client; it has no document of its own.
    expect(graph).toMatchObject({ name: "agent", source: { kind: "code", file: "src/agent.ts", server: workspaceServer } });
    expect(graphViewApi.drawable).toHaveBeenCalledWith(workspaceServer, "agent");
    expect(nodes.map((node) => node.id).sort()).toEqual(["__end__", "__start__", "agent", "tools"]);
    expect(edges.filter((edge) => edge.data!.item.conditional)).toHaveLength(2);
    const { doc, savedDoc, graphName } = useGraphStore.getState();
    expect(graphName).toBe("agent");
    expect(doc).toBeNull();
    expect(savedDoc).toBeNull();
    expect(graphHistory().pastStates).toEqual([]);
    expect(debugNodeIdsOf(openGraphView())).toEqual(["agent", "tools"]);
    expect(problemsOfOpenGraph(openGraphView()).all).toEqual([]);
    await vi.waitFor(() => expect(useOpenGraph.getState().schemaFields).not.toBeNull());
    expect(stateFieldsOf(openGraphView())).toEqual({ messages: { type: "messages", reducer: "messages" } });
  });

  it("keeps breakpoints across a reload of the code (in this window, not in a document)", async () => {
    await openCodeGraph(info);
    toggleBreakpoint.run("tools", "before");
    vi.spyOn(graphViewApi, "drawable").mockResolvedValue({ nodes: [...agent.nodes, { id: "polish" }], edges: [...agent.edges, { source: "tools", target: "polish" }] });
    await reloadCodeGraph("agent");
    const view = openGraphView();
    expect(debugNodeIdsOf(view)).toEqual(["agent", "tools", "polish"]);
    expect(breakpointsOf(view)).toEqual({ tools: { before: true } });
    expect(runBreakpointsOf(view)).toEqual({ interruptBefore: ["tools"], interruptAfter: [] });
    expect(useGraphStore.getState().doc).toBeNull();
    // Toggled again: off.
    toggleBreakpoint.run("tools", "before");
    expect(breakpointsOf(openGraphView())).toEqual({});
  });

  it("shows a module that does not load with its error as the graph's one problem", async () => {
    const broken = { ...info, name: "broken", valid: false, code: { ...code, file: "src/broken.ts", path: "/p/src/broken.ts", error: { message: "boom", file: "/p/src/broken.ts", line: 6 } } };
    await openCodeGraph(broken);
    expect(useOpenGraph.getState().graph!.error).toBe("src/broken.ts:6: boom");
    expect(problemsOfOpenGraph(openGraphView()).all.map((problem) => problem.message)).toEqual(["src/broken.ts:6: boom"]);
    expect(currentProblemIndex().all.map((problem) => `${problem.path}: ${problem.message}`)).toEqual(["src/broken.ts: src/broken.ts:6: boom"]);
    expect(graphViewApi.drawable).not.toHaveBeenCalled();
  });

  it("closing the view drops its name and its thread", async () => {
    await openCodeGraph(info);
    useRunStore.setState({ graphName: "agent", threadId: "t-1" });
    closeDrawnGraph();
    expect(useOpenGraph.getState().graph).toBeNull();
    expect(useGraphStore.getState()).toMatchObject({ graphName: null, doc: null });
    expect(useRunStore.getState()).toMatchObject({ graphName: null, threadId: null });
  });
});
