import { Icon } from "../../app/Icon";
import { useOpenGraph } from "../../stores/open-graph-store";

/** Says where a graph without a document is defined and how to change it; shows why it cannot be drawn. */
export function CodeGraphBanner() {
  const graph = useOpenGraph((state) => state.graph);
  const loading = useOpenGraph((state) => state.loading);
  if (!graph || graph.source.kind === "workspace") return null;
  const { source } = graph;
  return (
    <div className={`sy-code-banner ${graph.error ? "is-error" : ""}`} role="status" aria-label="Read-only graph">
      <Icon name={source.kind === "code" ? "code" : "graph"} size={14} />
      {source.kind === "code" ? (
        <span>
          Defined in code: <code>{source.file}</code> — edit the file; Switchyard reloads it
        </span>
      ) : (
        <span>
          Deployed graph <code>{graph.name}</code> at <code>{source.url}</code> — read-only; debug it here, change it in its code
        </span>
      )}
      {loading && <span className="sy-code-banner-busy">Loading…</span>}
      {graph.error && (
        <span className="sy-code-banner-error" role="alert">
          <Icon name="alert" size={13} /> {graph.error}
        </span>
      )}
    </div>
  );
}
