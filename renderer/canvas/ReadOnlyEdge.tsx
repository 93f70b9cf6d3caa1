import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { ReadOnlyFlowEdge } from "../stores/read-only-graph-store";
import { edgeKey, useRunStore } from "../stores/run-store";

/** An edge of a graph defined in code: dashed when conditional, solid and numbered once a run takes it. */
export const ReadOnlyEdge = memo(function ReadOnlyEdge(props: EdgeProps<ReadOnlyFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  const item = data!.item;
  const [path, labelX, labelY] = targetY < sourceY + 24 ? loopBack(sourceX, sourceY, targetX, targetY) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const inner = item.runSource === item.runTarget;
  const taken = useRunStore((state) => (state.threadId && !inner ? (state.edgeOrder[edgeKey(item.runSource, item.runTarget)]?.join(",") ?? "") : null));
  const classes = ["sy-edge", item.conditional ? "is-conditional" : "", taken ? "is-taken" : taken === "" ? "is-faint" : ""].join(" ");
  const text = [taken, item.label].filter(Boolean).join(" · ");
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes} />
      {text && (
        <EdgeLabelRenderer>
          <div className="sy-edge-label-anchor" style={{ left: labelX, top: labelY }}>
            <div className="sy-edge-label is-plain">{text}</div>
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

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
