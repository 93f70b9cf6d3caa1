import { canvasApi } from "../../canvas/canvas-api";
import { openSubgraphChooser } from "../../canvas/subgraph/subgraph-chooser-store";
import { NODE_HEIGHT, NODE_WIDTH } from "../../stores/flow-from-doc";
import { useGraphStore } from "../../stores/graph-store";
import { chooseForEach } from "../../panels/forms/ForEachFields";
import { setForEach } from "../set-for-each";
import { setJoin } from "../set-join";
import { toggleSubgraphExpanded } from "../subgraph/expand-subgraph";
import { newSubgraphFromSelection } from "../subgraph/new-subgraph-from-selection";
import { leaveSubgraph, openSubgraph } from "../subgraph/subgraph-navigation";
import type { CommandContext } from "./command-context";
import type { CommandBehaviour } from "./command-registry";

const onEditable = (context: CommandContext) => !!context.graph?.editable;
const nodeOf = (id: string | undefined) => (id ? useGraphStore.getState().doc?.nodes.find((node) => node.id === id) : undefined);
const edgeOf = (id: string | undefined) => (id ? useGraphStore.getState().doc?.edges.find((edge) => edge.id === id) : undefined);
/** The one selected node, when it is a subgraph node. */
const selectedSubgraph = (context: CommandContext) => (onEditable(context) && context.selectedNodes.length === 1 && nodeOf(context.selectedNodes[0])?.kind === "subgraph" ? context.selectedNodes[0] : undefined);
const soleEdge = (context: CommandContext) => (onEditable(context) && context.selectedEdges?.length === 1 ? edgeOf(context.selectedEdges[0]) : undefined);

/** What the subgraph, join and for-each commands of the shared table do. */
export const subgraphBehaviours = {
  "canvas.add-subgraph": {
    canRun: onEditable,
    run: () => {
      const center = canvasApi.center();
      openSubgraphChooser({ x: center.x - NODE_WIDTH / 2, y: center.y - NODE_HEIGHT / 2 });
    },
  },
  "canvas.subgraph-from-selection": { canRun: (context) => onEditable(context) && context.selectedNodes.length > 0, run: (context) => newSubgraphFromSelection(context.selectedNodes) },
  "canvas.open-subgraph": { canRun: (context) => !!selectedSubgraph(context), run: (context) => openSubgraph(selectedSubgraph(context)!) },
  "canvas.leave-subgraph": { canRun: (context) => (context.subgraphDepth ?? 0) > 0, run: () => leaveSubgraph() },
  "canvas.expand-subgraph": { canRun: (context) => !!selectedSubgraph(context), run: (context) => toggleSubgraphExpanded(selectedSubgraph(context)!) },
  "canvas.toggle-join": {
    canRun: (context) => onEditable(context) && context.selectedNodes.length === 1,
    run: (context) => setJoin.run({ id: context.selectedNodes[0], on: !nodeOf(context.selectedNodes[0])?.join }),
  },
  "canvas.for-each": {
    canRun: (context) => !!soleEdge(context),
    run: (context) => {
      const edge = soleEdge(context)!;
      const doc = useGraphStore.getState().doc!;
      if (edge.when?.type === "for-each") setForEach.run({ id: edge.id, forEach: undefined });
      else chooseForEach(doc, edge);
    },
  },
} satisfies Record<string, CommandBehaviour>;
