import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { FlowEdge } from "../stores/flow-from-doc";
import { useGraphStore } from "../stores/graph-store";
import { problemsOf } from "../stores/problems";

/** An edge; a conditional one carries its rule as a label ("calls AskHuman"), numbered when its source has several. */
export const RuleEdge = memo(function RuleEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const problems = useGraphStore((state) => problemsOf(state.doc).byEdge.get(id));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const conditional = !!data?.edge?.when;
  const classes = ["sy-edge", selected ? "is-selected" : "", problems ? "has-problems" : "", conditional ? "is-conditional" : ""].join(" ");
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes} interactionWidth={18} />
      {data?.label && (
        <EdgeLabelRenderer>
          <div
            className={`sy-edge-label nodrag nopan ${selected ? "is-selected" : ""} ${problems ? "has-problems" : ""}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={problems ? problems.map((p) => p.message).join("\n") : undefined}
          >
            {data.rank !== undefined && <span className="sy-edge-rank">{data.rank}</span>}
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
