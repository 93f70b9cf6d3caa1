import type { Edge, Node } from "@xyflow/react";
import type { MouseEvent } from "react";
import { isInnerId } from "../../stores/expanded-subgraphs-store";
import { closeCanvasMenu, openEdgeMenu, openSelectionMenu, useCanvasMenu } from "./canvas-menu-store";
import { EdgeContextMenu } from "./EdgeContextMenu";
import { SelectionContextMenu } from "./SelectionContextMenu";
import { SubgraphBreadcrumb } from "./SubgraphBreadcrumb";
import { SubgraphChooser } from "./SubgraphChooser";
import { useSubgraphChooser } from "./subgraph-chooser-store";
import "../../styles/subgraph.css";

/** The canvas's handlers for the menus of this layer (module-level: React Flow sees the same functions). */
export const subgraphCanvasHandlers = {
  onEdgeContextMenu: (event: MouseEvent, edge: Edge) => {
    if (!isInnerId(edge.id)) openEdgeMenu(event, edge.id);
  },
  onSelectionContextMenu: (event: MouseEvent, nodes: Node[]) => {
    const ids = nodes.filter((node) => node.type !== "start" && node.type !== "end" && !isInnerId(node.id)).map((node) => node.id);
    if (ids.length) openSelectionMenu(event, ids);
  },
};

/** What an editable canvas shows over the flow for subgraphs: the breadcrumb, the subgraph chooser, the edge and selection menus. */
export function SubgraphCanvasLayer() {
  const menu = useCanvasMenu((state) => state.menu);
  const choosing = useSubgraphChooser((state) => !!state.position);
  return (
    <>
      <SubgraphBreadcrumb />
      {choosing && <SubgraphChooser />}
      {menu?.kind === "edge" && <EdgeContextMenu key={menu.edge} edgeId={menu.edge} x={menu.x} y={menu.y} />}
      {menu?.kind === "selection" && <SelectionContextMenu nodes={menu.nodes} x={menu.x} y={menu.y} />}
    </>
  );
}

export { closeCanvasMenu };
