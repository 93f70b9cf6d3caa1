import { create } from "zustand";

/**
 * What a person has typed in the answer box (or the resume box) of the pause at `node`, not yet
 * sent. Continue reads it: an unsent answer is sent, never dropped. `focusCount` grows each time
 * the pause asks for the box to take the focus (a new pause, or "Answer first").
 */
export interface AnswerDraftState {
  node: string | null;
  text: string;
  focusCount: number;
}

export const useAnswerDraft = create<AnswerDraftState>()(() => ({ node: null, text: "", focusCount: 0 }));

/** The unsent text typed for the pause at this node ("" when none). */
export function draftFor(node: string): string {
  const draft = useAnswerDraft.getState();
  return draft.node === node ? draft.text.trim() : "";
}

export function setDraft(node: string, text: string): void {
  useAnswerDraft.setState({ node, text });
}

export function clearDraft(): void {
  useAnswerDraft.setState({ node: null, text: "" });
}

/** Asks the answer box on screen to take the focus. */
export function focusAnswerBox(): void {
  useAnswerDraft.setState((state) => ({ focusCount: state.focusCount + 1 }));
}
