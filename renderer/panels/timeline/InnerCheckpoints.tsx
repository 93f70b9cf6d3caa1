import { memo } from "react";
import type { GraphDoc } from "../../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../../shared/graph-validate";
import { Icon } from "../../app/Icon";
import { subgraphDocAt } from "../../commands/run/inside-state";
import { innerCheckpointsUnder } from "../../commands/run/inner-history";
import { rerunInside } from "../../commands/run/time-travel";
import { pathLabel } from "../../stores/run-pause";
import { useThreadStore, type InnerCheckpoint } from "../../stores/thread-store";
import { StateEditor } from "../state-editor/StateEditor";
import { producerOf } from "./branches";

/** The checkpoints a subgraph task made, listed under the parent step it ran from. */
export const InnerCheckpoints = memo(function InnerCheckpoints({ inner, parentId, selected }: { inner: InnerCheckpoint[]; parentId: string; selected: string | null }) {
  const items = innerCheckpointsUnder(inner, parentId);
  if (items.length === 0) return null;
  const byId = new Map(items.map((item) => [item.state.checkpoint.checkpoint_id, item.state]));
  return (
    <ol className="sy-checkpoints sy-checkpoint-inner" aria-label={`Checkpoints inside ${[...new Set(items.map((item) => pathLabel(item.path)))].join(", ")}`}>
      {items.map((item) => {
        const id = item.state.checkpoint.checkpoint_id!;
        const producedBy = producerOf(item.state, byId.get(item.state.parent_checkpoint?.checkpoint_id ?? ""));
        const where = pathLabel(item.path);
        return (
          <li key={id}>
            <button
              type="button"
              className={`sy-checkpoint ${id === selected ? "is-selected" : ""}`}
              aria-label={`Checkpoint inside ${where} step ${Number(item.state.metadata?.step ?? 0)} by ${producedBy}`}
              aria-pressed={id === selected}
              onClick={() => useThreadStore.setState({ selectedCheckpoint: id === selected ? null : id })}
            >
              <span className="sy-checkpoint-ns">{where}</span>
              <span className="sy-checkpoint-step">step {Number(item.state.metadata?.step ?? 0)}</span>
              <span className="sy-checkpoint-node">{producedBy}</span>
              <span className="sy-checkpoint-next">{item.state.next.length ? `→ ${item.state.next.join(", ")}` : "end"}</span>
              <time>{item.state.created_at ? new Date(item.state.created_at).toLocaleTimeString() : ""}</time>
            </button>
          </li>
        );
      })}
    </ol>
  );
});

/** A selected checkpoint inside a subgraph: its state by the subgraph's schema; re-run or fork inside from it. */
export function InnerCheckpointDetail({ item, doc, graphs, running }: { item: InnerCheckpoint; doc: GraphDoc; graphs: WorkspaceGraphs | undefined; running: boolean }) {
  const child = subgraphDocAt(doc, item.path, graphs);
  const id = item.state.checkpoint.checkpoint_id!;
  const where = pathLabel(item.path);
  const first = item.state.next[0];
  return (
    <section className="sy-checkpoint-detail" aria-label="Selected checkpoint">
      <div className="sy-run-state-head">
        <span>
          Checkpoint …{id.slice(-8)} inside <strong>{where}</strong>
          {child ? <span className="sy-muted"> ({child.name})</span> : null}
        </span>
        <span className="sy-spacer" />
        <button type="button" className="sy-button is-small" disabled={running} onClick={() => void rerunInside(item)} title={`Run again from this checkpoint inside ${where}: a new branch beside the original`}>
          <Icon name="play" size={12} /> Re-run from here
        </button>
      </div>
      {child && (
        <StateEditor
          key={id}
          fields={child.state.fields}
          nodeIds={child.nodes.map((node) => node.id)}
          values={item.state.values as Record<string, unknown>}
          defaultAsNode={child.nodes.some((node) => node.id === first) ? first : (child.nodes[0]?.id ?? "")}
          actionLabel="Edit and fork"
          disabled={running}
          onApply={(changes, asNode) => rerunInside(item, changes, asNode)}
        />
      )}
    </section>
  );
}
