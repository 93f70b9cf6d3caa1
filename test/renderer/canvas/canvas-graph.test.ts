import type { AssistantGraph } from "@langchain/langgraph-sdk";
import { canvasGraphOf } from "../../../renderer/canvas/canvas-graph";
import { edgeTypes, nodeTypes } from "../../../renderer/canvas/flow-types";
import { graphViewApi } from "../../../renderer/client/graph-view-api";
import { workspaceServer } from "../../../renderer/client/langgraph";
import { closeDrawnGraph, openCodeGraph, openRemoteGraph } from "../../../renderer/commands/code-graph/open-drawn-graph";
import { openGraphDebugger } from "../../../renderer/commands/run/open-graph-api";
import { closeDoc, loadDoc, useGraphStore } from "../../../renderer/stores/graph-store";
import { closeOpenGraph, openGraphServer, openWorkspaceGraph, useOpenGraph } from "../../../renderer/stores/open-graph-store";
import { useWorkspaceStore } from "../../../renderer/stores/workspace-store";
import type { WorkspaceGraphInfo } from "../../../shared/api";
import { seedDoc } from "../commands/seed";
import { breakpointsOf, debugNodeIdsOf, openGraphView, stateFieldsOf } from "../../../renderer/stores/open-graph-facts";

// The seed graph as LangGraph draws it, with a subgraph ("greet") expanded by xray.
const drawing: AssistantGraph = {
  nodes: ["__start__", "agent", "greet:compose", "greet:punctuate", "tools", "__end__"].map((id) => ({ id })),
  edges: [
    { source: "__start__", target: "agent" },
    { source: "agent", target: "tools", conditional: true },
    { source: "agent", target: "greet:compose", conditional: true },
    { source: "greet:compose", target: "greet:punctuate" },
    { source: "greet:punctuate", target: "__end__" },
    { source: "tools", target: "agent" },
  ],
};
const code = { file: "src/agent.ts", path: "/p/src/agent.ts", export: "graph", spec: "./src/agent.ts:graph", version: 1, loaded_at: "" };
const codeInfo: WorkspaceGraphInfo = { name: "agent", file: "src/agent.ts", valid: true, problems: [], source: "code", code };
const drawn = () => canvasGraphOf(useGraphStore.getState(), useOpenGraph.getState());

describe("one open-graph model, one canvas", () => {
  beforeEach(() => {
    // elkjs's bundle looks for the browser's globals on `window`.
    vi.stubGlobal("window", Object.assign(Object.create(globalThis), { location: { hash: "", origin: "http://127.0.0.1:1" } }));
    vi.stubGlobal("history", { replaceState: vi.fn() });
    vi.spyOn(graphViewApi, "drawable").mockResolvedValue(drawing);
    vi.spyOn(graphViewApi, "stateSchema").mockResolvedValue(null);
    useWorkspaceStore.setState({ graphs: [codeInfo] });
  });
  afterEach(() => {
    closeDrawnGraph();
    closeOpenGraph();
    closeDoc();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("an editable document: drawn from its document, with editing affordances, on the workspace's server", () => {
    openWorkspaceGraph("agent");
    loadDoc("agent", seedDoc(), "h1");
    const canvas = drawn();
    expect(canvas.editable).toBe(true);
    expect(canvas.nodes.map((node) => node.id).sort()).toEqual(["__end__", "__start__", "action", "agent", "ask_human"]);
    expect(canvas.nodes.every((node) => node.type! in nodeTypes)).toBe(true);
    expect(canvas.edges.every((edge) => edge.type! in edgeTypes)).toBe(true);
    expect(openGraphServer()).toBe(workspaceServer);
    // The debugger's facts, by the same functions as for every source: from the document.
    const view = openGraphView();
    expect(debugNodeIdsOf(view)).toEqual(["action", "agent", "ask_human"]);
    expect(Object.keys(stateFieldsOf(view))).toEqual(["messages"]);
    expect(breakpointsOf(view)).toEqual({ ask_human: { before: true } });
  });

  it("a code graph: drawn from getGraph on the page's own server, subgraph as a group, not editable", async () => {
    await openCodeGraph(codeInfo);
    const canvas = drawn();
    expect(canvas.editable).toBe(false);
    expect(canvas.key).toBe("code:agent");
    expect(canvas.nodes.find((node) => node.id === "greet")).toMatchObject({ type: "drawnGroup" });
    expect(canvas.nodes.find((node) => node.id === "greet:compose")).toMatchObject({ type: "drawnNode", parentId: "greet", draggable: false });
    expect(canvas.nodes.every((node) => node.type! in nodeTypes)).toBe(true);
    expect(canvas.edges.every((edge) => edge.type! in edgeTypes)).toBe(true);
    expect(graphViewApi.drawable).toHaveBeenCalledWith(workspaceServer, "agent");
    expect(openGraphServer()).toBe(workspaceServer);
    // No document: the debugger's facts come from the drawing, by the same functions.
    expect(useGraphStore.getState().doc).toBeNull();
    const view = openGraphView();
    expect(debugNodeIdsOf(view)).toEqual(["greet", "agent", "tools"]);
    expect(Object.keys(stateFieldsOf(view))).toEqual(["messages"]);
    expect(breakpointsOf(view)).toEqual({});
    expect(canvas.nodeCount).toBe(3);
  });

  it("a remote graph: drawn the same way, run through the deployment's own client; the workspace's stays its own", async () => {
    await openRemoteGraph({ assistant_id: "a-1", graph_id: "agent" }, { url: "https://agents.example.com", apiKey: "k" });
    const canvas = drawn();
    expect(canvas.editable).toBe(false);
    expect(canvas.key).toBe("remote:agent");
    expect(canvas.nodes.map((node) => node.type).sort()).toEqual(["drawnGroup", "drawnNode", "drawnNode", "drawnNode", "drawnNode", "end", "start"]);
    const server = openGraphServer();
    expect(server).not.toBe(workspaceServer);
    expect(server.target).toEqual({ url: "https://agents.example.com", apiKey: "k" });
    expect(graphViewApi.drawable).toHaveBeenCalledWith(server, "a-1");
    expect(workspaceServer.target).toBeNull();
    expect(useGraphStore.getState().doc).toBeNull();
    expect(debugNodeIdsOf(openGraphView())).toEqual(["greet", "agent", "tools"]);
    // The debugger's calls go to the deployment's client.
    const client = vi.spyOn(server, "client").mockResolvedValue({ threads: { get: async (id: string) => ({ thread_id: id }) } } as never);
    await expect(openGraphDebugger().getThread("t-9")).resolves.toEqual({ thread_id: "t-9" });
    expect(client).toHaveBeenCalled();
    // Opening it again keeps its client; closing it brings the workspace's server back.
    await openRemoteGraph({ assistant_id: "a-1", graph_id: "agent" }, { url: "https://agents.example.com", apiKey: "k" });
    expect(openGraphServer()).toBe(server);
    closeDrawnGraph();
    expect(openGraphServer()).toBe(workspaceServer);
  });
});
