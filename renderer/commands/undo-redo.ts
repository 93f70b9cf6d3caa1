import { breakCoalescing, graphHistory } from "../stores/graph-store";

/** Undo and redo move through document history only; selection and viewport are not history. */
export function undo(): void {
  breakCoalescing();
  graphHistory().undo();
}

export function redo(): void {
  breakCoalescing();
  graphHistory().redo();
}
