import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useShallow } from "zustand/react/shallow";
import type { GraphDoc, GraphNode } from "../../shared/graph-doc";
import { openNodeMenu } from "../panels/run/node-menu-store";
import { useGraphStore } from "../stores/graph-store";
import type { DrawnFlowNode } from "../stores/open-graph-store";
import { useRunStore } from "../stores/run-store";

// Each node's breakpoint by id, once per document: every drag frame runs each node's selector, and a search of the document there is O(nodes²) per frame.
const breakpointsOf = new WeakMap<GraphDoc, Map<string, GraphNode["breakpoint"]>>();
function breakpointOf(doc: GraphDoc | null, id: string): GraphNode["breakpoint"] {
  if (!doc) return undefined;
  let byId = breakpointsOf.get(doc);
  if (!byId) breakpointsOf.set(doc, (byId = new Map(doc.nodes.map((node) => [node.id, node.breakpoint]))));
  return byId.get(id);
}

/** The run status and breakpoints of a top-level node, selected alone so one change re-renders one node. */
function useTopNodeState(top: string) {
  const [run, runError] = useRunStore(useShallow((state) => [state.nodeStatus[top] ?? (state.threadId ? "unreached" : null), state.nodeErrors[top] ?? null] as const));
  const [before, after] = useGraphStore(
    useShallow((state) => {
      const breakpoint = breakpointOf(state.doc, top);
      return [!!breakpoint?.before, !!breakpoint?.after] as const;
    }),
  );
  return { run, runError, before, after };
}

/** A node of a graph defined in code: its name, its run status, its breakpoints; no editing. */
export const DrawnNodeView = memo(function DrawnNodeView({ data, selected }: NodeProps<DrawnFlowNode>) {
  const { item } = data;
  const isTop = !item.parent;
  const { run, runError, before, after } = useTopNodeState(item.top);
  const status = isTop ? run : null;
  const classes = ["sy-node", "is-code", selected ? "is-selected" : "", status ? `run-${status}` : ""].join(" ");
  return (
    <div className={classes} onContextMenu={isTop ? (event) => openNodeMenu(event, item.top) : undefined} title={runError && isTop ? `${item.top} failed: ${runError}` : item.id} data-run={status ?? undefined}>
      <Handle type="target" position={Position.Top} className="sy-handle is-hidden" isConnectable={false} />
      {isTop && before && <span className="sy-bp sy-bp-before" role="img" aria-label="Pauses before this node" title="Pauses before this node" />}
      {isTop && after && <span className="sy-bp sy-bp-after" role="img" aria-label="Pauses after this node" title="Pauses after this node" />}
      <span className="sy-code-node-name">{item.label}</span>
      {runError && isTop && (
        <span className="sy-node-error" role="alert" title={runError}>
          {runError.length > 34 ? `${runError.slice(0, 33)}…` : runError}
        </span>
      )}
      <Handle type="source" position={Position.Bottom} className="sy-handle is-hidden" isConnectable={false} />
    </div>
  );
});

/** A subgraph node (xray): a labelled frame around its inner nodes; runs and breakpoints are its own. */
export const DrawnGroupView = memo(function DrawnGroupView({ data, selected }: NodeProps<DrawnFlowNode>) {
  const { item } = data;
  const isTop = !item.parent;
  const { run, before, after } = useTopNodeState(item.top);
  const status = isTop ? run : null;
  return (
    <div className={`sy-code-group ${selected ? "is-selected" : ""} ${status ? `run-${status}` : ""}`} onContextMenu={isTop ? (event) => openNodeMenu(event, item.top) : undefined} data-run={status ?? undefined}>
      <Handle type="target" position={Position.Top} className="sy-handle is-hidden" isConnectable={false} />
      {isTop && before && <span className="sy-bp sy-bp-before" role="img" aria-label="Pauses before this node" title="Pauses before this node" />}
      {isTop && after && <span className="sy-bp sy-bp-after" role="img" aria-label="Pauses after this node" title="Pauses after this node" />}
      <span className="sy-code-group-label">
        {item.label} <span className="sy-code-group-kind">subgraph</span>
      </span>
      <Handle type="source" position={Position.Bottom} className="sy-handle is-hidden" isConnectable={false} />
    </div>
  );
});
