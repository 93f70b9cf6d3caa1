import { BaseEdge, getBezierPath, type EdgeProps } from "@xyflow/react";
import { Icon } from "../app/Icon";
import { EdgeLabelPortal } from "./EdgeLabelPortal";
import { useFullDetail } from "./level-of-detail";
import { memo } from "react";
import type { FlowEdge } from "../stores/flow-from-doc";
import { useProblems } from "../stores/problems-store";
import { edgeKey, useRunStore } from "../stores/run-store";

/** An edge; a conditional one carries its rule as a label ("calls AskHuman"), numbered when its source has several. */
export const RuleEdge = memo(function RuleEdge(props: EdgeProps<FlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const problems = useProblems((index) => index.byEdge.get(id));
  const [path, labelX, labelY] = targetY < sourceY + 24 ? loopBack(sourceX, sourceY, targetX, targetY) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const conditional = !!data?.edge?.when;
  const map = data?.edge?.when?.type === "for-each";
  // The order numbers this edge was taken at in the run, joined so the selector compares by value.
  const taken = useRunStore((state) => (state.threadId ? (state.edgeOrder[edgeKey(source, target)]?.join(",") ?? "") : null));
  // A for-each edge: each task's status of the fan-out last taken, joined so the selector compares by value.
  const tasks = useRunStore((state) => (map && state.threadId ? Object.values(state.fanOut[edgeKey(source, target)] ?? {}).join(",") : ""));
  const runClass = taken ? "is-taken" : taken === "" ? "is-faint" : "";
  const classes = ["sy-edge", selected ? "is-selected" : "", problems ? "has-problems" : "", conditional ? "is-conditional" : "", map ? "is-map" : "", runClass].join(" ");
  // Zoomed far out labels are unreadable: the edges alone are drawn.
  const labelled = useFullDetail();
  const orders = taken ? <span className="sy-edge-taken" aria-label={`Taken ${taken}`}>{taken}</span> : null;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes} interactionWidth={18} />
      {labelled && orders && !data?.label && (
        <EdgeLabelPortal>
          <div className="sy-edge-label-anchor" style={{ left: labelX, top: labelY }}>
            {orders}
          </div>
        </EdgeLabelPortal>
      )}
      {labelled && data?.label && (
        <EdgeLabelPortal>
          {/* Placed with left/top and centred by a zero-size flex box, not a transform: a transform per label costs compositing time on big graphs. */}
          <div className="sy-edge-label-anchor" style={{ left: labelX, top: labelY }}>
            <div
              className={`sy-edge-label nodrag nopan ${data.rank === undefined ? "is-plain" : ""} ${selected ? "is-selected" : ""} ${problems ? "has-problems" : ""}`}
              title={problems ? problems.map((p) => p.message).join("\n") : undefined}
            >
              {orders}
              {data.rank !== undefined && <span className="sy-edge-rank">{data.rank}</span>}
              {map && (
                <span className="sy-map-marker" role="img" aria-label="Map: one task per item" title="Map (LangGraph Send): one task per item of the list, run in parallel">
                  <Icon name="map" size={11} />
                </span>
              )}
              {data.label}
              {tasks && <FanOutTasks statuses={tasks.split(",")} />}
            </div>
          </div>
        </EdgeLabelPortal>
      )}
    </>
  );
});

/** "×3" and one dot per task of a for-each fan-out: running, done, error or paused. */
function FanOutTasks({ statuses }: { statuses: string[] }) {
  const counts = ["running", "done", "error", "paused"].map((status) => [status, statuses.filter((candidate) => candidate === status).length] as const).filter(([, count]) => count > 0);
  return (
    <span className="sy-fan-out" role="status" aria-label={`Fan-out ×${statuses.length}: ${counts.map(([status, count]) => `${count} ${status}`).join(", ")}`}>
      ×{statuses.length}
      {statuses.map((status, index) => (
        <span key={index} className={`sy-fan-out-task is-${status}`} aria-hidden="true" />
      ))}
    </span>
  );
}

/**
 * An edge back up the graph (a loop such as tools -> agent) bends out to the side instead of
 * curling through its own nodes: a cubic curve whose control points sit beside both ends.
 */
function loopBack(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const side = sx < tx - 1 ? -1 : 1;
  const reach = Math.max(90, Math.abs(sx - tx) * 0.5 + 70);
  const drop = Math.max(60, (sy - ty) * 0.35);
  const c1x = sx + side * reach;
  const c1y = sy + drop;
  const c2x = tx + side * reach;
  const c2y = ty - drop;
  const path = `M ${sx},${sy} C ${c1x},${c1y} ${c2x},${c2y} ${tx},${ty}`;
  // The curve's point at t = 0.5, where its label goes.
  const labelX = 0.125 * sx + 0.375 * c1x + 0.375 * c2x + 0.125 * tx;
  const labelY = 0.125 * sy + 0.375 * c1y + 0.375 * c2y + 0.125 * ty;
  return [path, labelX, labelY];
}
