import { stepHistory } from "../stores/graph-store";

/** Undo and redo move through document history only; selection and viewport are not history. */
export function undo(): void {
  stepHistory("undo");
}

export function redo(): void {
  stepHistory("redo");
}
