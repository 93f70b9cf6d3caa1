import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useShallow } from "zustand/react/shallow";
import { describeConditionalBreakpoint, isConditionalBreakpoint } from "../../shared/breakpoints";
import { Icon } from "../app/Icon";
import type { KindNode } from "../stores/flow-from-doc";
import { useProblems } from "../stores/problems-store";
import { useRunStore } from "../stores/run-store";
import { insideLabelOf } from "../stores/run-inside-label";
import { openNodeMenu } from "../panels/run/node-menu-store";
import { ReplayBadges } from "./ReplayBadges";
import { kindInfo, nodeSummary } from "./kind-style";
import { installKindStylesheet } from "./kind-stylesheet";
import { useFullDetail } from "./level-of-detail";

installKindStylesheet();

/**
 * One node of any kind. Memoised; selects only its own problems and run status. Zoomed far out
 * it is only its box (kind colour, badges, handles): same size, no text.
 *
 * What every node view must keep cheap (hundreds are drawn, and each frame of a drag touches
 * React Flow's store once per node): no inline style (kind colour and icon come from
 * kind-stylesheet.ts), few elements (badges only when they apply), no transform or clip of its
 * own (each is a paint property node the compositor walks every frame), and store selectors
 * that return primitives or stable objects for this node alone.
 */
export const GraphNodeView = memo(function GraphNodeView({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node;
  const kind = kindInfo(node.kind);
  const problems = useProblems((index) => index.byNode.get(id));
  // Only this node's status and error: one status change re-renders one node.
  const [run, runError] = useRunStore(useShallow((state) => [state.nodeStatus[id] ?? (state.threadId ? "unreached" : null), state.nodeErrors[id] ?? null] as const));
  // A subgraph node names the inner node running (or paused) in it: "research > search".
  const inner = useRunStore(useShallow((state) => (node.kind === "subgraph" ? insideLabelOf(state, id) : null)));
  const full = useFullDetail();
  const name = node.label || id;
  const summary = full ? nodeSummary(node) : "";
  const classes = ["sy-node", selected ? "is-selected" : "", problems ? "has-problems" : "", run ? `run-${run}` : ""].join(" ");
  return (
    <div className={classes} data-kind={node.kind} onContextMenu={(event) => openNodeMenu(event, id)} title={runError ? `${id} failed: ${runError}` : full ? kind.description : `${name} (${kind.label})`}>
      <Handle type="target" position={Position.Top} className="sy-handle" aria-label={`Connect into ${id}`} />
      {isConditionalBreakpoint(node.breakpoint) ? (
        <span className="sy-bp sy-bp-before sy-bp-conditional" role="img" aria-label={describeConditionalBreakpoint(node.breakpoint!)} title={describeConditionalBreakpoint(node.breakpoint!)} />
      ) : (
        node.breakpoint?.before && <span className="sy-bp sy-bp-before" role="img" aria-label="Pauses before this node" title="Pauses before this node" />
      )}
      {node.breakpoint?.after && <span className="sy-bp sy-bp-after" role="img" aria-label="Pauses after this node" title="Pauses after this node" />}
      {node.join && (
        <span className="sy-flow-marker sy-join-marker" role="img" aria-label="Join: waits for all incoming branches" title="Join: runs once all its incoming branches of this step have arrived">
          <Icon name="merge" size={11} />
        </span>
      )}
      <ReplayBadges id={id} />
      {data.fork && (
        <span className="sy-flow-marker sy-fork-marker" role="img" aria-label={`Fork: ${data.fork} branches run in parallel`} title={`Fork: the ${data.fork} plain edges out of this node run in parallel`}>
          <Icon name="fork" size={11} />
          {data.fork}
        </span>
      )}
      {full && (
        <>
          {/* Grid items of .sy-node; the icon is its ::before (kind-stylesheet.ts): few elements per node. */}
          <span className="sy-node-name" title={name}>{truncate(name, 20)}</span>
          <span className="sy-node-kind">{kind.label}</span>
          <span className="sy-node-summary" title={summary}>{truncate(summary, 30)}</span>
        </>
      )}
      {problems && (
        <span className="sy-node-problem" role="img" aria-label={`${problems.length} problem${problems.length === 1 ? "" : "s"}: ${problems.map((p) => p.message).join("; ")}`} title={problems.map((p) => p.message).join("\n")}>
          <Icon name="alert" size={12} />
          {problems.length}
        </span>
      )}
      {inner && (
        <span className={`sy-node-inner is-${inner.status}`} role="status" aria-label={`${inner.status === "paused" ? "Paused inside" : "Running inside"}: ${inner.label}`} title={inner.label}>
          {truncate(inner.label, 34)}
        </span>
      )}
      {runError && (
        <span className="sy-node-error" role="alert" title={runError}>
          <Icon name="error" size={11} /> {truncate(runError, 34)}
        </span>
      )}
      <Handle type="source" position={Position.Bottom} className="sy-handle" aria-label={`Connect from ${id}`} />
    </div>
  );
});

/** Shortened in JS, not with CSS ellipsis: an overflow clip per node costs compositing time on big graphs. */
function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
