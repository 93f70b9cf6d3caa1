import { Icon } from "../../app/Icon";
import { useReadOnlyGraph } from "../../stores/read-only-graph-store";

/** Says where a read-only graph is defined and how to change it; shows why it cannot be drawn. */
export function CodeGraphBanner() {
  const view = useReadOnlyGraph((state) => state.view);
  const loading = useReadOnlyGraph((state) => state.loading);
  if (!view) return null;
  return (
    <div className={`sy-code-banner ${view.error ? "is-error" : ""}`} role="status" aria-label="Read-only graph">
      <Icon name={view.source === "code" ? "code" : "graph"} size={14} />
      {view.source === "code" ? (
        <span>
          Defined in code: <code>{view.file}</code> — edit the file; Switchyard reloads it
        </span>
      ) : (
        <span>
          Deployed graph <code>{view.graphName}</code> at <code>{view.deploymentUrl}</code> — read-only; debug it here, change it in its code
        </span>
      )}
      {loading && <span className="sy-code-banner-busy">Loading…</span>}
      {view.error && (
        <span className="sy-code-banner-error" role="alert">
          <Icon name="alert" size={13} /> {view.error}
        </span>
      )}
    </div>
  );
}
