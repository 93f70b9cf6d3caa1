import { docCommand } from "./command";
import { isValidNodeId } from "./node-ids";

export interface RenameNodeInput {
  from: string;
  to: string;
}

/**
 * Renames a node and everything that points at it (edges, entry). An invalid or taken name
 * changes nothing; the inspector says why. Enters history.
 */
export const renameNode = docCommand<RenameNodeInput>({
  title: "Rename node",
  entersHistory: true,
  apply(doc, { from, to }) {
    if (from === to || !isValidNodeId(to) || doc.nodes.some((node) => node.id === to)) return { doc };
    if (!doc.nodes.some((node) => node.id === from)) return { doc };
    const swap = (id: string) => (id === from ? to : id);
    return {
      doc: {
        ...doc,
        entry: swap(doc.entry),
        nodes: doc.nodes.map((node) => (node.id === from ? { ...node, id: to } : node)),
        edges: doc.edges.map((edge) =>
          edge.source === from || edge.target === from ? { ...edge, source: swap(edge.source), target: swap(edge.target) } : edge,
        ),
      },
      select: { nodes: [to] },
    };
  },
});

export function renameProblem(doc: { nodes: { id: string }[] }, from: string, to: string): string | null {
  if (from === to) return null;
  if (!isValidNodeId(to)) return "Use letters, digits, _ or -, starting with a letter or _.";
  if (doc.nodes.some((node) => node.id === to)) return `A node named "${to}" already exists.`;
  return null;
}
