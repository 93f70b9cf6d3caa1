import { create } from "zustand";
import type { GraphDoc } from "../../shared/graph-doc";
import { useGraphStore } from "./graph-store";
import { problemsOf, type ProblemIndex } from "./problems";

/**
 * Live validation, kept off the interaction path: the shared validator runs once the document has
 * been still for a moment (and at once when a graph is opened), and nodes read its result here.
 */
export const VALIDATE_DELAY_MS = 120;

export const useProblemsStore = create<{ doc: GraphDoc | null; index: ProblemIndex }>()(() => ({ doc: null, index: problemsOf(null) }));

let timer: ReturnType<typeof setTimeout> | undefined;
useGraphStore.subscribe((state, previous) => {
  if (state.doc === previous.doc) return;
  clearTimeout(timer);
  const update = () => {
    const doc = useGraphStore.getState().doc;
    useProblemsStore.setState({ doc, index: problemsOf(doc) });
  };
  // A freshly opened graph is validated right after its first paint; edits after a short pause.
  const opened = state.graphName !== previous.graphName || !previous.doc;
  timer = setTimeout(update, opened ? 0 : VALIDATE_DELAY_MS);
});
