import { Icon } from "../../app/Icon";
import { withShortcut } from "../../app/keys";
import { setBreakpoint } from "../../commands/set-breakpoint";
import { useGraphStore } from "../../stores/graph-store";
import { useReadOnlyGraph } from "../../stores/read-only-graph-store";
import { Inspector } from "../Inspector";
import { Checkbox } from "../forms/controls";

/** The editor's inspector, or the read-only one when the open graph is defined in code or deployed. */
export function GraphInspector() {
  const readOnly = useReadOnlyGraph((state) => !!state.view);
  return readOnly ? <ReadOnlyInspector /> : <Inspector />;
}

/** What a read-only graph lets you change: breakpoints. Everything else is shown, not edited. */
export function ReadOnlyInspector() {
  const view = useReadOnlyGraph((state) => state.view);
  const selectedId = useGraphStore((state) => state.nodes.find((node) => node.selected && node.type !== "start" && node.type !== "end")?.id ?? null);
  const node = useGraphStore((state) => state.doc?.nodes.find((candidate) => candidate.id === selectedId) ?? null);
  const nodeCount = useGraphStore((state) => state.doc?.nodes.length ?? 0);
  const fields = useGraphStore((state) => Object.keys(state.doc?.state.fields ?? {}).join(", "));
  if (!view) return null;
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
                <dd>{view.graphName}</dd>
                <dt>Defined in</dt>
                <dd>{view.source === "code" ? view.file : view.deploymentUrl}</dd>
              </dl>
              <div className="sy-stack" role="group" aria-label="Breakpoints" title={`${withShortcut("Pause before", "run.toggle-breakpoint")} · ${withShortcut("Pause after", "run.toggle-breakpoint-after")}`}>
                <Checkbox label="Pause before" checked={!!node.breakpoint?.before} onChange={(on) => setBreakpoint.run({ id: node.id, side: "before", on })} />
                <Checkbox label="Pause after" checked={!!node.breakpoint?.after} onChange={(on) => setBreakpoint.run({ id: node.id, side: "after", on })} />
              </div>
            </>
          ) : (
            <>
              <div className="sy-inspector-title">{view.graphName}</div>
              <dl>
                <dt>Source</dt>
                <dd>{view.source === "code" ? "LangGraph.js code" : "remote deployment"}</dd>
                <dt>{view.source === "code" ? "File" : "URL"}</dt>
                <dd>{view.source === "code" ? view.file : view.deploymentUrl}</dd>
                <dt>Assistant</dt>
                <dd>{view.assistantId}</dd>
                <dt>Nodes</dt>
                <dd>{nodeCount}</dd>
                <dt>State</dt>
                <dd>{fields || "—"}</dd>
              </dl>
            </>
          )}
          <p className="sy-hint">
            <Icon name="code" size={12} /> {view.source === "code" ? "Change the graph in its file; breakpoints set here live in this window only." : "Breakpoints set here apply to the runs you start from this window."}
          </p>
        </div>
      </div>
    </aside>
  );
}
