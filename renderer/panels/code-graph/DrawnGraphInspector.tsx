import { Icon } from "../../app/Icon";
import { withShortcut } from "../../app/keys";
import { setNodeBreakpoint } from "../../commands/run/toggle-breakpoint";
import { breakpointsOf, debugNodesOf, stateFieldsOf, useOpenGraphView, useSelectedDebugNode } from "../../stores/open-graph-facts";
import { isEditable, useOpenGraph } from "../../stores/open-graph-store";
import { Inspector } from "../Inspector";
import { Checkbox } from "../forms/controls";

/** The editor's inspector, or, for a graph defined in code or deployed, what can be changed here: breakpoints. */
export function GraphInspector() {
  const editable = useOpenGraph((state) => isEditable(state.graph));
  return editable ? <Inspector /> : <DrawnGraphInspector />;
}

/** What a graph defined in code or deployed lets you change: breakpoints. Everything else is shown, not edited. */
export function DrawnGraphInspector() {
  const view = useOpenGraphView();
  const selectedId = useSelectedDebugNode();
  const { graph } = view;
  if (!graph || graph.source.kind === "workspace") return null;
  const nodes = debugNodesOf(view);
  const node = nodes.find((candidate) => candidate.id === selectedId) ?? null;
  const breakpoint = node ? breakpointsOf(view)[node.id] : undefined;
  const fields = Object.keys(stateFieldsOf(view)).join(", ");
  const { source } = graph;
  const where = source.kind === "code" ? source.file : source.url;
  return (
    <aside className="sy-inspector sy-code-inspector" aria-label="Inspector">
      <div className="sy-panel-head">
        <span className="sy-panel-title">Inspector · {node ? "Node" : "Graph"} (read-only)</span>
      </div>
      <div className="sy-inspector-scroll">
        <div className="sy-inspector-body sy-stack">
          {node ? (
            <>
              <div className="sy-inspector-title">{node.id}</div>
              <dl>
                <dt>Graph</dt>
                <dd>{graph.name}</dd>
                <dt>Defined in</dt>
                <dd>{where}</dd>
                {node.inner.length > 0 && (
                  <>
                    <dt>Subgraph nodes</dt>
                    <dd>{node.inner.map((inner) => inner.path.slice(1).join(" › ")).join(", ")}</dd>
                  </>
                )}
              </dl>
              <div className="sy-stack" role="group" aria-label="Breakpoints" title={`${withShortcut("Pause before", "run.toggle-breakpoint")} · ${withShortcut("Pause after", "run.toggle-breakpoint-after")}`}>
                <Checkbox label="Pause before" checked={!!breakpoint?.before} onChange={(on) => setNodeBreakpoint(node.id, "before", on)} />
                <Checkbox label="Pause after" checked={!!breakpoint?.after} onChange={(on) => setNodeBreakpoint(node.id, "after", on)} />
              </div>
            </>
          ) : (
            <>
              <div className="sy-inspector-title">{graph.name}</div>
              <dl>
                <dt>Source</dt>
                <dd>{source.kind === "code" ? "LangGraph.js code" : "remote deployment"}</dd>
                <dt>{source.kind === "code" ? "File" : "URL"}</dt>
                <dd>{where}</dd>
                <dt>Assistant</dt>
                <dd>{graph.assistantId}</dd>
                <dt>Nodes</dt>
                <dd>{nodes.length}</dd>
                <dt>State</dt>
                <dd>{fields || "—"}</dd>
              </dl>
            </>
          )}
          <p className="sy-hint">
            <Icon name="code" size={12} /> {source.kind === "code" ? "Change the graph in its file; breakpoints set here live in this window only." : "Breakpoints set here apply to the runs you start from this window."}
          </p>
        </div>
      </div>
    </aside>
  );
}
