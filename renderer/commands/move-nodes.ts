import { docCommand } from "./command";

export interface MoveNodesInput {
  positions: Record<string, { x: number; y: number }>;
}

/** Moves nodes to where a drag dropped them. The canvas runs it once, on drop: one undo step per drag. */
export const moveNodes = docCommand<MoveNodesInput>({
  title: "Move nodes",
  entersHistory: true,
  apply(doc, { positions }) {
    let changed = false;
    const nodes = doc.nodes.map((node) => {
      const to = positions[node.id];
      if (!to) return node;
      const position = { x: Math.round(to.x), y: Math.round(to.y) };
      if (position.x === node.position.x && position.y === node.position.y) return node;
      changed = true;
      return { ...node, position };
    });
    return { doc: changed ? { ...doc, nodes } : doc };
  },
});
