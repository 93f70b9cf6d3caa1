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
let generation = 0;
useGraphStore.subscribe((state, previous) => {
  if (state.doc === previous.doc) return;
  clearTimeout(timer);
  const current = ++generation;
  const update = () => {
    if (current !== generation) return;
    const doc = useGraphStore.getState().doc;
    useProblemsStore.setState({ doc, index: problemsOf(doc) });
  };
  // A freshly opened graph is validated right after its first paint (parsing a big graph takes
  // tens of milliseconds the nodes need not wait for); edits after a short pause.
  const opened = state.graphName !== previous.graphName || !previous.doc;
  if (opened) afterNextPaint(update);
  else timer = setTimeout(update, VALIDATE_DELAY_MS);
});

/** After the browser has painted its next frame; outside a browser (unit tests), on the next turn. */
function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}
