import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { iconImageUrl } from "../../app/Icon";
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
      style={{ "--kind": kind.color } as React.CSSProperties}
      data-kind={node.kind}
      data-inner-id={node.id}
      title={`${name} (${kind.label}) inside ${frame}: open the subgraph to edit it`}
      onDoubleClick={() => runCommand("canvas.open-subgraph", { ...commandContext(), selectedNodes: [frame] })}
    >
      <Handle type="target" position={Position.Top} className="sy-handle is-hidden" isConnectable={false} />
      <div className="sy-node-icon" aria-hidden="true">
        <img src={iconImageUrl(kind.icon, kind.color)} width={16} height={16} alt="" draggable={false} />
      </div>
      <div className="sy-node-text">
        <div className="sy-node-title">
          <span className="sy-node-name">{name}</span>
          <span className="sy-node-kind">{kind.label}</span>
        </div>
        <div className="sy-node-summary">{nodeSummary(node)}</div>
      </div>
      <Handle type="source" position={Position.Bottom} className="sy-handle is-hidden" isConnectable={false} />
    </div>
  );
});
