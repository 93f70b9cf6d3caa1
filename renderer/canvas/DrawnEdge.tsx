import { BaseEdge, getBezierPath, type EdgeProps } from "@xyflow/react";
import { EdgeLabelPortal } from "./EdgeLabelPortal";
import { memo } from "react";
import type { DrawnFlowEdge } from "../stores/open-graph-store";
import { edgeKey, useRunStore } from "../stores/run-store";

/** An edge of a graph defined in code: dashed when conditional, solid and numbered once a run takes it. */
export const DrawnEdge = memo(function DrawnEdge(props: EdgeProps<DrawnFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  const item = data!.item;
  const route = data?.points;
  const [path, labelX, labelY] =
    route && route.length >= 2 ? routedPath(route) : targetY < sourceY + 24 ? loopBack(sourceX, sourceY, targetX, targetY) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const inner = item.runSource === item.runTarget;
  const taken = useRunStore((state) => (state.threadId && !inner ? (state.edgeOrder[edgeKey(item.runSource, item.runTarget)]?.join(",") ?? "") : null));
  const classes = ["sy-edge", item.conditional ? "is-conditional" : "", taken ? "is-taken" : taken === "" ? "is-faint" : ""].join(" ");
  const text = [taken, item.label].filter(Boolean).join(" · ");
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes} />
      {text && (
        <EdgeLabelPortal>
          <div className="sy-edge-label-anchor" style={{ left: labelX, top: labelY }}>
            <div className="sy-edge-label is-plain">{text}</div>
          </div>
        </EdgeLabelPortal>
      )}
    </>
  );
});

const CORNER = 8;

/** elk's orthogonal route with rounded corners; the label sits halfway along it. */
function routedPath(points: { x: number; y: number }[]): [string, number, number] {
  let path = `M ${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [prev, at, next] = [points[i - 1], points[i], points[i + 1]];
    const into = Math.min(CORNER, distance(prev, at) / 2);
    const out = Math.min(CORNER, distance(at, next) / 2);
    const a = toward(at, prev, into);
    const b = toward(at, next, out);
    path += ` L ${a.x},${a.y} Q ${at.x},${at.y} ${b.x},${b.y}`;
  }
  const last = points[points.length - 1];
  path += ` L ${last.x},${last.y}`;
  const half = points.slice(1).reduce((sum, point, i) => sum + distance(points[i], point), 0) / 2;
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const length = distance(points[i - 1], points[i]);
    if (walked + length >= half) {
      const mid = toward(points[i - 1], points[i], half - walked);
      return [path, mid.x, mid.y];
    }
    walked += length;
  }
  return [path, last.x, last.y];
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The point `length` from `from` toward `to`. */
function toward(from: { x: number; y: number }, to: { x: number; y: number }, length: number): { x: number; y: number } {
  const total = distance(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * length) / total, y: from.y + ((to.y - from.y) * length) / total };
}

/** A loop back up the graph bends out to the side instead of crossing its own nodes. */
function loopBack(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const side = sx < tx - 1 ? -1 : 1;
  const reach = Math.max(80, Math.abs(sx - tx) * 0.5 + 60);
  const drop = Math.max(50, (sy - ty) * 0.35);
  const c1x = sx + side * reach;
  const c2x = tx + side * reach;
  const path = `M ${sx},${sy} C ${c1x},${sy + drop} ${c2x},${ty - drop} ${tx},${ty}`;
  return [path, 0.125 * sx + 0.375 * c1x + 0.375 * c2x + 0.125 * tx, 0.125 * sy + 0.375 * (sy + drop) + 0.375 * (ty - drop) + 0.125 * ty];
}
