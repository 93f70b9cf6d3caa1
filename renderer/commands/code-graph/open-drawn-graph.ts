import type { WorkspaceGraphInfo } from "../../../shared/api";
import type { GraphDoc } from "../../../shared/graph-doc";
import { layoutDrawing } from "../../canvas/layout";
import { graphViewApi } from "../../client/graph-view-api";
import { LangGraphServer, workspaceServer, type ApiTarget } from "../../client/langgraph";
import { flowFromDrawing } from "../../stores/flow-from-drawing";
import { closeDoc, loadDoc, replaceDoc, useGraphStore } from "../../stores/graph-store";
import { closeOpenGraph, emptyDrawing, useOpenGraph, type GraphDrawing, type OpenGraph } from "../../stores/open-graph-store";
import { presetProblems } from "../../stores/problems";
import { emptyRun, useRunStore } from "../../stores/run-store";
import { showToast } from "../../stores/ui-store";
import { useWorkspaceStore } from "../../stores/workspace-store";
import { newThread, restoreThread } from "../run/threads";
import { debuggerDocOf, drawnGraphOf, stateFieldsOf } from "./drawable-graph";

/** The open graph of a code graph the workspace lists (`serve --config langgraph.json`): it runs on the page's own server. */
export function codeGraphOf(info: WorkspaceGraphInfo): OpenGraph {
  return {
    name: info.name,
    assistantId: info.name,
    source: { kind: "code", server: workspaceServer, file: info.code?.file ?? info.file },
    ...(info.code?.error ? { error: errorText(info.code.error, info.code) } : {}),
  };
}

const NOTHING_DRAWN = { nodes: [], edges: [] };

function errorText(error: NonNullable<NonNullable<WorkspaceGraphInfo["code"]>["error"]>, code: { file: string; path: string }): string {
  // The module itself by the name langgraph.json gives it; an imported file by its full path.
  const file = error.file === code.path ? code.file : error.file;
  const where = error.line ? `${file}:${error.line}${error.column ? `:${error.column}` : ""}` : file;
  return `${where}: ${error.message}`;
}

/** Opens a graph defined in code: drawn from the server's getGraph, debugged like any graph, never edited. */
export async function openCodeGraph(info: WorkspaceGraphInfo): Promise<void> {
  await openDrawn(codeGraphOf(info));
  if (window.location.hash !== `#/graph/${encodeURIComponent(info.name)}`) history.replaceState(null, "", `#/graph/${encodeURIComponent(info.name)}`);
}

/** Opens a graph of a remote deployment: it runs there, through its own SDK client. */
export async function openRemoteGraph(assistant: { assistant_id: string; graph_id: string }, target: ApiTarget): Promise<void> {
  const current = useOpenGraph.getState().graph;
  // The same deployment keeps its client (and the SDK it loaded).
  const server = current?.source.kind === "remote" && current.source.server.target?.url === target.url && current.source.server.target?.apiKey === target.apiKey ? current.source.server : new LangGraphServer(target);
  await openDrawn({ name: assistant.graph_id, assistantId: assistant.assistant_id, source: { kind: "remote", server, url: target.url } });
  if (window.location.hash.startsWith("#/graph/")) history.replaceState(null, "", "#/");
}

/** After `code-graph-reloaded`: the drawing and the state schema again, keeping breakpoints and the run. */
export async function reloadCodeGraph(name: string): Promise<void> {
  const open = useOpenGraph.getState().graph;
  if (!open || open.source.kind !== "code" || open.name !== name) return;
  const info = useWorkspaceStore.getState().graphs.find((graph) => graph.name === name);
  const next = info ? codeGraphOf(info) : { ...open, error: undefined };
  await draw(next, useGraphStore.getState().doc, false);
  const file = next.source.kind === "code" ? next.source.file : undefined;
  showToast(next.error ? `"${name}" no longer loads: ${next.error}` : `"${name}" reloaded from ${file ?? "its code"}.`, next.error ? "error" : "info");
}

/** Auto-layout of a drawn graph: laid out afresh (its positions are never saved). */
export async function redrawGraph(): Promise<void> {
  const open = useOpenGraph.getState().graph;
  if (open && open.source.kind !== "workspace") await draw(open, useGraphStore.getState().doc, false);
}

/** Closes a graph defined in code or deployed (a workspace graph is being opened, or the deployment detached). */
export function closeDrawnGraph(): void {
  const open = useOpenGraph.getState().graph;
  if (!open || open.source.kind === "workspace") return;
  closeOpenGraph();
  // Its debugger document must not become an editable graph of the workspace, nor its thread the next graph's.
  closeDoc();
  useRunStore.setState({ ...emptyRun(), graphName: null, threadId: null });
}

async function openDrawn(graph: OpenGraph): Promise<void> {
  const current = useGraphStore.getState();
  const before = useOpenGraph.getState().graph;
  const sameGraph = !!before && before.source.kind === graph.source.kind && before.source.server === graph.source.server && before.assistantId === graph.assistantId && current.graphName === graph.name;
  await draw(graph, sameGraph ? current.doc : null, true);
  // The same graph name on another server (a local "agent", then a deployed one): the open
  // thread belongs to the other server, so the debugger starts over on this one.
  if (!sameGraph && current.graphName === graph.name) {
    newThread({ forget: false });
    void restoreThread(graph.name);
  }
}

async function draw(graph: OpenGraph, previous: GraphDoc | null, fresh: boolean): Promise<void> {
  useOpenGraph.setState({ loading: true });
  try {
    if (graph.error) return show(graph, debuggerDocOf(graph.name, NOTHING_DRAWN, {}, previous), emptyDrawing, fresh);
    const { server } = graph.source;
    // The schema can take seconds (the official dev server derives it from the TypeScript types): draw first.
    const schema = graphViewApi.stateSchema(server, graph.assistantId);
    const drawn = drawnGraphOf(await graphViewApi.drawable(server, graph.assistantId));
    const flow = flowFromDrawing(drawn, await layoutDrawing(drawn));
    show(graph, debuggerDocOf(graph.name, drawn, previous ? previous.state.fields : stateFieldsOf(null), previous), flow, fresh);
    void schema.then((answer) => answer && applyStateFields(graph, stateFieldsOf(answer)));
  } catch (error) {
    const failed = { ...graph, error: `Could not draw the graph: ${(error as Error).message}` };
    show(failed, debuggerDocOf(graph.name, NOTHING_DRAWN, {}, previous), emptyDrawing, fresh);
  } finally {
    useOpenGraph.setState({ loading: false });
  }
}

/** The state's field types, once the server has said them (the state editor and input form use them). */
function applyStateFields(graph: OpenGraph, fields: GraphDoc["state"]["fields"]): void {
  const { graphName, doc } = useGraphStore.getState();
  if (!doc || graphName !== graph.name || useOpenGraph.getState().graph?.assistantId !== graph.assistantId) return;
  replaceDoc({ ...doc, state: { fields } });
}

function show(graph: OpenGraph, doc: GraphDoc, drawing: GraphDrawing, fresh: boolean): void {
  // A graph that cannot be drawn has one problem, the reason (not "entry is not a node").
  const file = graph.source.kind === "code" ? graph.source.file : undefined;
  if (graph.error) presetProblems(doc, [{ path: file ?? graph.name, message: graph.error }]);
  useOpenGraph.setState((state) => ({ graph, drawing, drawCount: state.drawCount + 1 }));
  if (fresh || useGraphStore.getState().graphName !== graph.name) loadDoc(graph.name, doc, null);
  else replaceDoc(doc);
  useWorkspaceStore.setState({ conflict: null, saveError: null, saveStatus: "idle" });
}
