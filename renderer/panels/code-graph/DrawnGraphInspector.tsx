import { Icon } from "../../app/Icon";
import { withShortcut } from "../../app/keys";
import { setBreakpoint } from "../../commands/set-breakpoint";
import { useGraphStore } from "../../stores/graph-store";
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
  const graph = useOpenGraph((state) => state.graph);
  const selectedId = useGraphStore((state) => state.nodes.find((node) => node.selected && node.type !== "start" && node.type !== "end")?.id ?? null);
  const node = useGraphStore((state) => state.doc?.nodes.find((candidate) => candidate.id === selectedId) ?? null);
  const nodeCount = useGraphStore((state) => state.doc?.nodes.length ?? 0);
  const fields = useGraphStore((state) => Object.keys(state.doc?.state.fields ?? {}).join(", "));
  if (!graph || graph.source.kind === "workspace") return null;
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
              </dl>
              <div className="sy-stack" role="group" aria-label="Breakpoints" title={`${withShortcut("Pause before", "run.toggle-breakpoint")} · ${withShortcut("Pause after", "run.toggle-breakpoint-after")}`}>
                <Checkbox label="Pause before" checked={!!node.breakpoint?.before} onChange={(on) => setBreakpoint.run({ id: node.id, side: "before", on })} />
                <Checkbox label="Pause after" checked={!!node.breakpoint?.after} onChange={(on) => setBreakpoint.run({ id: node.id, side: "after", on })} />
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
                <dd>{nodeCount}</dd>
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
