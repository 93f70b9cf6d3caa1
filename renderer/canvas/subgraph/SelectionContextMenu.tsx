import { runCommand } from "../../commands/registry/app-commands";
import { commandContext } from "../../commands/registry/command-context";
import { closeCanvasMenu } from "./canvas-menu-store";
import { ContextMenu, MenuItem } from "./ContextMenu";

/** Right-click on a box selection of nodes: make a subgraph of them. */
export function SelectionContextMenu({ nodes, x, y }: { nodes: string[]; x: number; y: number }) {
  const count = `${nodes.length} node${nodes.length === 1 ? "" : "s"}`;
  return (
    <ContextMenu label="Selection" title={`${count} selected`} x={x} y={y} onClose={closeCanvasMenu}>
      <MenuItem label="New subgraph from selection…" title={`Move the ${count} into a new graph file, run by one subgraph node here`} onClose={closeCanvasMenu} onSelect={() => runCommand("canvas.subgraph-from-selection", { ...commandContext(), selectedNodes: nodes })} />
    </ContextMenu>
  );
}
