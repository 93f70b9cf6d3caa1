import type { WorkspaceGraphInfo } from "../../../shared/api";
import type { StateField } from "../../../shared/graph-doc";
import { layoutDrawing } from "../../canvas/layout";
import { graphViewApi } from "../../client/graph-view-api";
import { LangGraphServer, workspaceServer, type ApiTarget } from "../../client/langgraph";
import { flowFromDrawing } from "../../stores/flow-from-drawing";
import { closeDoc, loadDoc, useGraphStore } from "../../stores/graph-store";
import { closeOpenGraph, emptyDrawing, emptyDrawn, useOpenGraph, type GraphDrawing, type OpenGraph } from "../../stores/open-graph-store";
import { emptyRun, useRunStore } from "../../stores/run-store";
import { showToast } from "../../stores/ui-store";
import { useWorkspaceStore } from "../../stores/workspace-store";
import { newThread, restoreThread } from "../run/threads";
import { drawnGraphOf, stateFieldsFromSchema, type DrawnGraph } from "./drawable-graph";

/** The open graph of a code graph the workspace lists (`serve --config langgraph.json`): it runs on the page's own server. */
export function codeGraphOf(info: WorkspaceGraphInfo): OpenGraph {
  return {
    name: info.name,
    assistantId: info.name,
    source: { kind: "code", server: workspaceServer, file: info.code?.file ?? info.file },
    ...(info.code?.error ? { error: errorText(info.code.error, info.code) } : {}),
  };
}

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
  await draw(next, { fresh: false, keepFields: true });
  const file = next.source.kind === "code" ? next.source.file : undefined;
  showToast(next.error ? `"${name}" no longer loads: ${next.error}` : `"${name}" reloaded from ${file ?? "its code"}.`, next.error ? "error" : "info");
}

/** Auto-layout of a drawn graph: laid out afresh (its positions are never saved). */
export async function redrawGraph(): Promise<void> {
  const open = useOpenGraph.getState().graph;
  if (open && open.source.kind !== "workspace") await draw(open, { fresh: false, keepFields: true });
}

/** Closes a graph defined in code or deployed (a workspace graph is being opened, or the deployment detached). */
export function closeDrawnGraph(): void {
  const open = useOpenGraph.getState().graph;
  if (!open || open.source.kind === "workspace") return;
  closeOpenGraph();
  // Its name must not stay the graph store's (an editable graph of the workspace), nor its thread the next graph's.
  closeDoc();
  useRunStore.setState({ ...emptyRun(), graphName: null, threadId: null });
}

async function openDrawn(graph: OpenGraph): Promise<void> {
  const current = useGraphStore.getState();
  const before = useOpenGraph.getState().graph;
  const sameGraph = !!before && before.source.kind === graph.source.kind && before.source.server === graph.source.server && before.assistantId === graph.assistantId && current.graphName === graph.name;
  await draw(graph, { fresh: true, keepFields: sameGraph });
  // The same graph name on another server (a local "agent", then a deployed one): the open
  // thread belongs to the other server, so the debugger starts over on this one.
  if (!sameGraph && current.graphName === graph.name) {
    newThread({ forget: false });
    void restoreThread(graph.name);
  }
}

/**
 * Draws the graph from LangGraph's getGraph and asks for its state schema. `fresh`: another graph
 * was on screen (the graph store then holds no document: a code or remote graph has none, so
 * nothing can autosave, undo or show it unsaved). `keepFields`: the fields known so far stay
 * until the server answers again.
 */
async function draw(graph: OpenGraph, options: { fresh: boolean; keepFields: boolean }): Promise<void> {
  useOpenGraph.setState({ loading: true });
  try {
    if (graph.error) return show(graph, emptyDrawn, emptyDrawing, null, options.fresh);
    const { server } = graph.source;
    // The schema can take seconds (the official dev server derives it from the TypeScript types): draw first.
    const schema = graphViewApi.stateSchema(server, graph.assistantId);
    const drawn = drawnGraphOf(await graphViewApi.drawable(server, graph.assistantId));
    const flow = flowFromDrawing(drawn, await layoutDrawing(drawn));
    show(graph, drawn, flow, options.keepFields ? useOpenGraph.getState().schemaFields : null, options.fresh);
    void schema.then((answer) => answer && applyStateFields(graph, stateFieldsFromSchema(answer)));
  } catch (error) {
    show({ ...graph, error: `Could not draw the graph: ${(error as Error).message}` }, emptyDrawn, emptyDrawing, null, options.fresh);
  } finally {
    useOpenGraph.setState({ loading: false });
  }
}

/** The state's field types, once the server has said them (the state editor and input form use them). */
function applyStateFields(graph: OpenGraph, fields: Record<string, StateField>): void {
  const open = useOpenGraph.getState().graph;
  if (open?.name !== graph.name || open.assistantId !== graph.assistantId || open.source.server !== graph.source.server) return;
  useOpenGraph.setState({ schemaFields: fields });
}

function show(graph: OpenGraph, drawn: DrawnGraph, drawing: GraphDrawing, schemaFields: Record<string, StateField> | null, fresh: boolean): void {
  useOpenGraph.setState((state) => ({ graph, drawn, drawing, schemaFields, drawCount: state.drawCount + 1 }));
  // The graph store names the graph on screen (threads, tests and runs follow it) and holds no document for it.
  const { graphName, doc } = useGraphStore.getState();
  if (fresh || graphName !== graph.name || doc) loadDoc(graph.name, null, null);
  useWorkspaceStore.setState({ conflict: null, saveError: null, saveStatus: "idle" });
}
