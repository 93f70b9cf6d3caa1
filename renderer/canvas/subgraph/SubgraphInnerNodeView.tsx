import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import type { InnerFlowNode } from "../../stores/expanded-subgraphs-store";
import { kindInfo, nodeSummary } from "../kind-style";

/** A node of an expanded subgraph, inside its frame: read-only (double-click opens the subgraph to edit it), lit when highlighted. */
export const SubgraphInnerNodeView = memo(function SubgraphInnerNodeView({ data }: NodeProps<InnerFlowNode>) {
  const { node, frame, highlighted } = data;
  const kind = kindInfo(node.kind);
  const name = node.label || node.id;
  return (
    <div
      className={`sy-node sy-inner-node ${highlighted ? "is-highlighted" : ""}`}
      data-kind={node.kind}
      data-inner-id={node.id}
      title={`${name} (${kind.label}) inside ${frame}: open the subgraph to edit it`}
      onDoubleClick={() => runCommand("canvas.open-subgraph", { ...commandContext(), selectedNodes: [frame] })}
    >
      <Handle type="target" position={Position.Top} className="sy-handle is-hidden" isConnectable={false} />
      {/* The node view's markup (GraphNodeView): grid items of .sy-node, its icon the ::before of its kind's rule. */}
      <span className="sy-node-name">{name}</span>
      <span className="sy-node-kind">{kind.label}</span>
      <span className="sy-node-summary">{nodeSummary(node)}</span>
      <Handle type="source" position={Position.Bottom} className="sy-handle is-hidden" isConnectable={false} />
    </div>
  );
});
