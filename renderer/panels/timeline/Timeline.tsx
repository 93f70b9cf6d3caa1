import { memo, useEffect, useMemo } from "react";
import { Icon } from "../../app/Icon";
import { forkFrom } from "../../commands/run/time-travel";
import { RerunButtons } from "../replay/RerunButtons";
import { refreshHistory } from "../../commands/run/threads";
import { debugNodeIdsOf, isGraphShown, stateFieldsOf, useOpenGraphView } from "../../stores/open-graph-facts";
import { checkpointRefOf, compareWith, startCompare } from "../../commands/run/compare-checkpoints";
import { useCompareStore } from "../../stores/compare-store";
import { ComparePickBanner } from "../compare/ComparePickBanner";
import { useRunStore } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";
import { StateEditor } from "../state-editor/StateEditor";
import { useWorkspaceGraphsStore } from "../../stores/workspace-graphs-store";
import { laneSpans, timelineRows } from "./branches";
import { InnerCheckpointDetail, InnerCheckpoints } from "./InnerCheckpoints";

const LANE_COLORS = ["#5b8cff", "#f0a93b", "#3fb27f", "#c678dd", "#f05d5d"];

/** The thread's checkpoints from /history, branches as lanes; select one to see it, re-run or fork. */
export const Timeline = memo(function Timeline() {
  const history = useThreadStore((state) => state.history);
  const selected = useThreadStore((state) => state.selectedCheckpoint);
  const threadId = useRunStore((state) => state.threadId);
  const running = useRunStore((state) => state.status === "running");
  const head = useRunStore((state) => state.threadState?.checkpoint?.checkpoint_id);
  const view = useOpenGraphView();
  const picking = useCompareStore((state) => state.picking);
  const inner = useThreadStore((state) => state.innerHistory);
  const graphs = useWorkspaceGraphsStore((state) => state.graphs);
  const rows = useMemo(() => timelineRows(history), [history]);
  const spans = useMemo(() => laneSpans(rows), [rows]);
  useEffect(() => {
    void refreshHistory();
  }, [threadId]);
  if (!threadId) return <div className="sy-empty-note">Run the graph or open a thread to see its checkpoints here.</div>;
  const row = rows.find((candidate) => candidate.id === selected);
  const innerRow = row ? undefined : inner.find((candidate) => candidate.state.checkpoint.checkpoint_id === selected);
  const laneCount = Math.max(1, ...rows.map((candidate) => candidate.lane + 1));
  return (
    <div className={`sy-timeline ${row || innerRow ? "has-selection" : ""} ${picking ? "is-picking" : ""}`}>
      {picking && <ComparePickBanner first={picking.label} />}
      <ol className="sy-checkpoints" aria-label="Checkpoints">
        {rows.map((item, index) => (
          <li key={item.id}>
            <button
              type="button"
              className={`sy-checkpoint ${item.id === selected ? "is-selected" : ""} ${item.id === head ? "is-head" : ""}`}
              aria-label={`Checkpoint step ${item.step} by ${item.producedBy}${item.lane ? ` (branch ${item.lane + 1})` : ""}`}
              aria-pressed={item.id === selected}
              onClick={() => (picking ? void compareWith(checkpointRefOf(threadId, item.id, item.step)) : useThreadStore.setState({ selectedCheckpoint: item.id === selected ? null : item.id }))}
            >
              <span className="sy-lanes" style={{ width: laneCount * 14 }} aria-hidden="true">
                {[...spans].map(([lane, span]) =>
                  index >= span.from && index <= span.to ? (
                    <span key={lane} className={`sy-lane-line ${index === span.from ? "is-first" : ""} ${index === span.to ? "is-last" : ""}`} style={{ left: lane * 14 + 4, background: LANE_COLORS[lane % LANE_COLORS.length] }} />
                  ) : null,
                )}
                <span className={`sy-lane-dot ${item.forks ? "is-fork" : ""}`} style={{ left: item.lane * 14, background: LANE_COLORS[item.lane % LANE_COLORS.length] }} />
              </span>
              <span className="sy-checkpoint-step">step {item.step}</span>
              <span className="sy-checkpoint-node">{item.producedBy}</span>
              {item.forks && <span className="sy-checkpoint-tag">branch {item.lane + 1}</span>}
              {item.id === head && <span className="sy-checkpoint-tag is-head">head</span>}
              <span className="sy-checkpoint-next">{item.checkpoint.next.length ? `→ ${item.checkpoint.next.join(", ")}` : "end"}</span>
              <time>{item.checkpoint.created_at ? new Date(item.checkpoint.created_at).toLocaleTimeString() : ""}</time>
            </button>
            <InnerCheckpoints inner={inner} parentId={item.id} selected={selected} />
          </li>
        ))}
      </ol>
      {innerRow && view.doc && <InnerCheckpointDetail item={innerRow} doc={view.doc} graphs={graphs} running={running} />}
      {row && isGraphShown(view) && (
        <section className="sy-checkpoint-detail" aria-label="Selected checkpoint">
          <div className="sy-run-state-head">
            <span>
              Checkpoint …{row.id.slice(-8)} · by <strong>{row.producedBy}</strong>
            </span>
            <span className="sy-spacer" />
            <button type="button" className="sy-button is-small" onClick={() => startCompare(checkpointRefOf(threadId, row.id, row.step))} title="Compare this checkpoint with another one (of this thread or another)">
              <Icon name="fork" size={12} /> Compare with...
            </button>
            <RerunButtons checkpointId={row.id} producedBy={row.producedBy} disabled={running} />
          </div>
          <StateEditor key={row.id} fields={stateFieldsOf(view)} nodeIds={debugNodeIdsOf(view)} values={row.checkpoint.values as Record<string, unknown>} defaultAsNode={forkAsNode(row.producedBy, debugNodeIdsOf(view))} actionLabel="Edit and fork" disabled={running} onApply={(changes, asNode) => forkFrom(row.id, changes, asNode)} />
        </section>
      )}
    </div>
  );
});

/** "Edit and fork" proposes the node that wrote the checkpoint, else the graph's first. */
function forkAsNode(producedBy: string, nodeIds: string[]): string {
  const writer = producedBy.split(", ")[0];
  return writer && nodeIds.includes(writer) ? writer : (nodeIds[0] ?? "");
}
