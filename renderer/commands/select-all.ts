import { selectOnly, useGraphStore } from "../stores/graph-store";

/** Selects every node and edge of the open graph. Selection never enters history. */
export function selectAll(): void {
  const { doc } = useGraphStore.getState();
  if (!doc) return;
  selectOnly({ nodes: doc.nodes.map((node) => node.id), edges: doc.edges.map((edge) => edge.id) });
}

export const selectAllCommand = { title: "Select all", entersHistory: false, run: selectAll } as const;
