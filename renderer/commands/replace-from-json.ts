import { graphDocSchema, graphNodeSchema, type GraphDoc, type GraphNode } from "../../shared/graph-doc";
import { formatPath } from "../../shared/problem";
import { docCommand } from "./command";

export type JsonEditResult = { ok: true; value: GraphDoc | GraphNode } | { ok: false; message: string };

/** Checks text from the raw JSON view against the schema of a node (when `nodeId`) or of the whole document. */
export function parseJsonEdit(text: string, target: "doc" | "node"): JsonEditResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
  const result = (target === "doc" ? graphDocSchema : graphNodeSchema).safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, message: `${formatPath(issue.path) || "(top)"}: ${issue.message}` };
}

/** Applies the raw JSON view to one node (renaming it updates its edges) or to the whole document. Enters history. */
export const replaceFromJson = docCommand<{ nodeId?: string; value: GraphDoc | GraphNode }>({
  title: "Apply JSON",
  entersHistory: true,
  apply(doc, { nodeId, value }) {
    if (!nodeId) return { doc: value as GraphDoc };
    const node = value as GraphNode;
    const swap = (id: string) => (id === nodeId ? node.id : id);
    return {
      doc: {
        ...doc,
        entry: swap(doc.entry),
        nodes: doc.nodes.map((candidate) => (candidate.id === nodeId ? node : candidate)),
        edges: doc.edges.map((edge) => (edge.source === nodeId || edge.target === nodeId ? { ...edge, source: swap(edge.source), target: swap(edge.target) } : edge)),
      },
      select: { nodes: [node.id] },
    };
  },
});
