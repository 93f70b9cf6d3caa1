import { keyLabels } from "../../app/keys";
import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { isExpanded, useExpandedSubgraphs } from "../../stores/expanded-subgraphs-store";
import { useGraphStore } from "../../stores/graph-store";
import { MenuItem } from "./ContextMenu";

/**
 * The node context menu's subgraph items: open and expand a subgraph node, and make a subgraph of
 * the selection the node is part of. Each runs the registry's command on this node.
 */
export function SubgraphNodeMenuItems({ id, onClose }: { id: string; onClose: () => void }) {
  const graphName = useGraphStore((state) => state.graphName);
  const kind = useGraphStore((state) => state.doc?.nodes.find((node) => node.id === id)?.kind);
  const selection = useGraphStore((state) => state.nodes.filter((node) => node.selected && node.type !== "start" && node.type !== "end").map((node) => node.id).join(","));
  const expanded = useExpandedSubgraphs(() => isExpanded(graphName, id));
  const selected = selection ? selection.split(",") : [];
  const together = selected.includes(id) ? selected : [id];
  const onNode = () => ({ ...commandContext(), selectedNodes: [id] });
  return (
    <>
      {kind === "subgraph" && (
        <>
          <MenuItem label="Open subgraph" shortcut={keyLabels("canvas.open-subgraph")[0]} onClose={onClose} onSelect={() => runCommand("canvas.open-subgraph", onNode())} />
          <MenuItem label="Expand in place" checked={expanded} shortcut={keyLabels("canvas.expand-subgraph")[0]} onClose={onClose} onSelect={() => runCommand("canvas.expand-subgraph", onNode())} />
        </>
      )}
      {kind && <MenuItem label={`New subgraph from ${together.length === 1 ? "this node" : `${together.length} selected nodes`}…`} onClose={onClose} onSelect={() => runCommand("canvas.subgraph-from-selection", { ...commandContext(), selectedNodes: together })} />}
    </>
  );
}
