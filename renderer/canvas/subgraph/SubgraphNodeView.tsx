import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, type MouseEvent } from "react";
import { Icon } from "../../app/Icon";
import { keyLabels } from "../../app/keys";
import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import type { CommandId } from "../../../shared/command-table";
import type { KindNode } from "../../stores/flow-from-doc";
import { useProblems } from "../../stores/problems-store";
import { openNodeMenu } from "../../panels/run/node-menu-store";
import type { SubgraphNodeData } from "../expanded-flow";
import { GraphNodeView } from "../GraphNodeView";
import { useFrameFollowsGraph } from "./use-frame-follows-graph";

const onNode = (id: string, command: CommandId) => runCommand(command, { ...commandContext(), selectedNodes: [id] });
const stop = (event: MouseEvent) => event.stopPropagation();

/**
 * A subgraph node: the node of its kind with buttons to expand it in place and to open it
 * (double-click and Enter open it too); expanded, a frame around its graph's nodes, which React
 * Flow draws as the frame's children. The frame highlights the inner nodes it is given
 * (`frame.highlighted`, the debugger's live run inside).
 */
export const SubgraphNodeView = memo(function SubgraphNodeView(props: NodeProps<KindNode>) {
  const { id, selected } = props;
  const data = props.data as SubgraphNodeData;
  const node = data.node;
  const graph = node.kind === "subgraph" ? node.config.graph : "";
  const frame = data.frame;
  useFrameFollowsGraph(id, graph, !!frame);
  const problems = useProblems((index) => index.byNode.get(id));
  const buttons = (
    <span className="sy-subgraph-buttons nodrag nopan" onDoubleClick={stop}>
      <button type="button" className="sy-subgraph-button" aria-label={frame ? `Collapse ${id}` : `Expand ${id} in place`} title={`${frame ? "Collapse" : "Expand in place"} (${keyLabels("canvas.expand-subgraph")[0]})`} disabled={!graph} onClick={() => onNode(id, "canvas.expand-subgraph")}>
        <Icon name={frame ? "chevronUp" : "chevronDown"} size={12} />
      </button>
      <button type="button" className="sy-subgraph-button" aria-label={`Open subgraph ${id}`} title={`Open ${graph || "the subgraph"} (${keyLabels("canvas.open-subgraph")[0]}, double-click)`} disabled={!graph} onClick={() => onNode(id, "canvas.open-subgraph")}>
        <Icon name="chevronRight" size={12} />
      </button>
    </span>
  );
  if (!frame) {
    return (
      <div className="sy-subgraph-node" onDoubleClick={() => onNode(id, "canvas.open-subgraph")}>
        <GraphNodeView {...props} />
        {buttons}
      </div>
    );
  }
  const classes = ["sy-subgraph-frame", selected ? "is-selected" : "", problems ? "has-problems" : "", frame.highlighted.length ? "has-highlight" : ""].join(" ");
  return (
    <div className={classes} role="group" aria-label={`Subgraph ${id} (expanded)`} data-highlighted={frame.highlighted.join(" ") || undefined} onDoubleClick={() => onNode(id, "canvas.open-subgraph")} onContextMenu={(event) => openNodeMenu(event, id)}>
      <Handle type="target" position={Position.Top} className="sy-handle" aria-label={`Connect into ${id}`} />
      {node.breakpoint?.before && <span className="sy-bp sy-bp-before" role="img" aria-label="Pauses before this node" title="Pauses before this node" />}
      {node.breakpoint?.after && <span className="sy-bp sy-bp-after" role="img" aria-label="Pauses after this node" title="Pauses after this node" />}
      <div className="sy-subgraph-frame-title">
        <Icon name="graph" size={13} />
        <strong>{node.label || id}</strong>
        <span className="sy-node-kind">runs {graph}</span>
        <span className="sy-subgraph-frame-hint">read-only · open to edit</span>
        {buttons}
      </div>
      <Handle type="source" position={Position.Bottom} className="sy-handle" aria-label={`Connect from ${id}`} />
    </div>
  );
});
