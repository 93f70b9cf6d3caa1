import { focusAnswerBox } from "../../stores/answer-draft-store";
import { useUiStore } from "../../stores/ui-store";
import { currentPauseAsk } from "./pause-ask";

/**
 * The pause's question and answer box on screen wherever the run was started: the bottom panel
 * opens on the Run tab, tall enough, and the answer box takes the focus.
 */
export function bringPauseForward(): void {
  const ui = useUiStore.getState();
  useUiStore.setState({ bottomOpen: true, bottomTab: "run", bottomHeight: Math.max(ui.bottomHeight, 300) });
  focusAnswerBox();
}

/** When a run stops at a pause that waits for a person, that pause comes forward by itself. */
export function bringForwardIfAsked(): void {
  if (currentPauseAsk()) bringPauseForward();
}
