import type { WorkspaceGraphInfo } from "../../../shared/api";
import type { GraphDoc } from "../../../shared/graph-doc";
import { graphViewApi } from "../../client/graph-view-api";
import { setApiTarget, type ApiTarget } from "../../client/langgraph";
import { closeDoc, loadDoc, useGraphStore } from "../../stores/graph-store";
import { presetProblems } from "../../stores/problems";
import { emptyRun, useRunStore } from "../../stores/run-store";
import { useReadOnlyGraph, type ReadOnlyView } from "../../stores/read-only-graph-store";
import { showToast } from "../../stores/ui-store";
import { useWorkspaceStore } from "../../stores/workspace-store";
import { newThread, restoreThread } from "../run/threads";
import { readOnlyGraphOf, shadowDocOf, stateFieldsOf } from "./drawable-graph";
import { layoutReadOnly } from "./layout-read-only";
import { readOnlyFlowOf } from "./read-only-flow";

/** The view of a code graph the workspace lists (`serve --config langgraph.json`). */
export function codeViewOf(info: WorkspaceGraphInfo): ReadOnlyView {
  return {
    source: "code",
    graphName: info.name,
    assistantId: info.name,
    file: info.code?.file ?? info.file,
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
  setApiTarget(null);
  await openReadOnly(codeViewOf(info));
  if (window.location.hash !== `#/graph/${encodeURIComponent(info.name)}`) history.replaceState(null, "", `#/graph/${encodeURIComponent(info.name)}`);
}

/** Opens a graph of a remote deployment: the SDK client points at the deployment from now on. */
export async function openRemoteGraph(assistant: { assistant_id: string; graph_id: string }, target: ApiTarget): Promise<void> {
  setApiTarget(target);
  await openReadOnly({ source: "remote", graphName: assistant.graph_id, assistantId: assistant.assistant_id, deploymentUrl: target.url });
  if (window.location.hash.startsWith("#/graph/")) history.replaceState(null, "", "#/");
}

/** After `code-graph-reloaded`: the drawing and the state schema again, keeping breakpoints and the run. */
export async function reloadCodeGraph(name: string): Promise<void> {
  const view = useReadOnlyGraph.getState().view;
  if (!view || view.source !== "code" || view.graphName !== name) return;
  const info = useWorkspaceStore.getState().graphs.find((graph) => graph.name === name);
  const next = info ? codeViewOf(info) : { ...view, error: undefined };
  await draw(next, useGraphStore.getState().doc, false);
  showToast(next.error ? `"${name}" no longer loads: ${next.error}` : `"${name}" reloaded from ${next.file ?? "its code"}.`, next.error ? "error" : "info");
}

/** Auto-layout on a read-only graph: the drawing laid out afresh (its positions are never saved). */
export async function relayoutReadOnly(): Promise<void> {
  const view = useReadOnlyGraph.getState().view;
  if (view) await draw(view, useGraphStore.getState().doc, false);
}

/** Leaves read-only mode (a workspace graph is being opened). */
export function closeReadOnlyView(): void {
  if (!useReadOnlyGraph.getState().view) return;
  useReadOnlyGraph.setState({ view: null, nodes: [], edges: [] });
  // Its shadow document must not become an editable graph of the workspace, nor its thread the next graph's.
  closeDoc();
  useRunStore.setState({ ...emptyRun(), graphName: null, threadId: null });
  setApiTarget(null);
}

async function openReadOnly(view: ReadOnlyView): Promise<void> {
  const current = useGraphStore.getState();
  const before = useReadOnlyGraph.getState().view;
  const sameGraph = !!before && before.source === view.source && before.assistantId === view.assistantId && current.graphName === view.graphName;
  await draw(view, sameGraph ? current.doc : null, true);
  // The same graph name on another server (a local "agent", then a deployed one): the open
  // thread belongs to the other server, so the debugger starts over on this one.
  if (!sameGraph && current.graphName === view.graphName) {
    newThread({ forget: false });
    void restoreThread(view.graphName);
  }
}

async function draw(view: ReadOnlyView, previous: GraphDoc | null, fresh: boolean): Promise<void> {
  useReadOnlyGraph.setState({ loading: true });
  try {
    if (view.error) return show(view, shadowDocOf(view.graphName, { nodes: [], edges: [] }, {}, previous), { nodes: [], edges: [] }, fresh);
    // The schema can take seconds (the official dev server derives it from the TypeScript types): draw first.
    const schema = graphViewApi.stateSchema(view.assistantId);
    const graph = readOnlyGraphOf(await graphViewApi.drawable(view.assistantId));
    const flow = readOnlyFlowOf(graph, await layoutReadOnly(graph));
    show(view, shadowDocOf(view.graphName, graph, previous ? previous.state.fields : stateFieldsOf(null), previous), flow, fresh);
    void schema.then((answer) => answer && applyStateFields(view, stateFieldsOf(answer)));
  } catch (error) {
    const message = (error as Error).message;
    show({ ...view, error: `Could not draw the graph: ${message}` }, shadowDocOf(view.graphName, { nodes: [], edges: [] }, {}, previous), { nodes: [], edges: [] }, fresh);
  } finally {
    useReadOnlyGraph.setState({ loading: false });
  }
}

/** The state's field types, once the server has said them (the state editor and input form use them). */
function applyStateFields(view: ReadOnlyView, fields: GraphDoc["state"]["fields"]): void {
  const { graphName, doc } = useGraphStore.getState();
  if (!doc || graphName !== view.graphName || useReadOnlyGraph.getState().view?.assistantId !== view.assistantId) return;
  const next = { ...doc, state: { fields } };
  useGraphStore.setState({ doc: next, savedDoc: next });
}

function show(view: ReadOnlyView, doc: GraphDoc, flow: ReturnType<typeof readOnlyFlowOf>, fresh: boolean): void {
  // A graph that cannot be drawn has one problem, the reason (not "entry is not a node").
  if (view.error) presetProblems(doc, [{ path: view.file ?? view.graphName, message: view.error }]);
  // The view first: the graph store's subscribers (autosave) must already see a read-only graph.
  useReadOnlyGraph.setState((state) => ({ view, ...flow, drawing: state.drawing + 1 }));
  if (fresh || useGraphStore.getState().graphName !== view.graphName) loadDoc(view.graphName, doc, null);
  else useGraphStore.setState({ doc, savedDoc: doc });
  useWorkspaceStore.setState({ conflict: null, saveError: null, saveStatus: "idle" });
}
