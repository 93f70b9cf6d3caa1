import { useGraphStore, type GraphState } from "./graph-store";
import { isEditable, useOpenGraph, type OpenGraph } from "./open-graph-store";

/**
 * Whether the open graph has edits its file does not hold yet: derived from the two stores, never
 * kept in sync. A drawn graph (code, deployment) has no file, so its breakpoints are never "unsaved".
 */
export const unsavedEdits = (graph: Pick<GraphState, "doc" | "savedDoc">, open: OpenGraph | null): boolean => isEditable(open) && graph.doc !== graph.savedDoc;

export const hasUnsavedEdits = (): boolean => unsavedEdits(useGraphStore.getState(), useOpenGraph.getState().graph);

export function useUnsavedEdits(): boolean {
  const editable = useOpenGraph((state) => isEditable(state.graph));
  const changed = useGraphStore((state) => state.doc !== state.savedDoc);
  return editable && changed;
}
