import { isConditionalBreakpointPause } from "../../../shared/breakpoints";
import { useRunStore } from "../../stores/run-store";
import { clearDraft, draftFor } from "../../stores/answer-draft-store";
import { askConfirm } from "../../stores/ui-store";
import { answerHuman, applyAnswer } from "./apply-as-node";
import { bringPauseForward } from "./bring-pause-forward";
import { resumeInterrupt, runOn } from "./continue-run";
import { currentPauseAsk, currentPauseAskInput, noAnswerConsequence, pauseAsksOf, type PauseAsk } from "./pause-ask";

/**
 * Continue (F8, the top bar's button, the Run menu, the palette): at a pause that waits for a
 * person, an answer typed and not yet sent is sent (it becomes the node's output, then the run
 * goes on); with nothing typed, a dialog says what going on without an answer means and offers
 * to answer first. Elsewhere the thread runs on as it is.
 */
export async function continueFromPause(): Promise<void> {
  if (!runOn.canRun()) return;
  const pause = useRunStore.getState().pause;
  // A conditional breakpoint paused in interrupt(): resuming it runs the node (nothing to answer).
  if (useRunStore.getState().status === "paused" && pause?.kind === "interrupt" && isConditionalBreakpointPause(pause.payload, pause.node)) return resumeInterrupt(true);
  const ask = currentPauseAsk();
  if (!ask) return runOn.run();
  const draft = draftFor(ask.node);
  if (draft) return sendAnswer(ask, draft);
  const goOnWithout = await askConfirm({
    title: ask.kind === "resume" ? `${ask.node} is waiting for a resume value` : `${ask.node} is waiting for your answer`,
    message: noAnswerConsequence(ask),
    confirmLabel: "Continue without an answer",
    cancelLabel: "Answer first",
  });
  if (goOnWithout) return runOn.run();
  bringPauseForward();
}

/** Sends the answer the pause waits for: a human node's answer, or interrupt()'s resume value. */
export async function sendAnswer(ask: PauseAsk, text: string): Promise<void> {
  clearDraft();
  if (ask.kind === "resume") return resumeInterrupt(ask.interruptId ? { [ask.interruptId]: resumeValueOf(text) } : resumeValueOf(text));
  if (ask.inside) {
    if (!(await applyAnswer(text, ask.inside.asNode, ask.messagesField, ask.toolCall?.id ?? null, ask.inside))) return;
    // Another task paused inside still waits for its answer: the run goes on once all are answered.
    if (pauseAsksOf(currentPauseAskInput()).some((other) => other.kind === "answer")) return;
    return runOn.run();
  }
  return answerHuman(text, ask.node, ask.messagesField, ask.toolCall?.id ?? null);
}

/** Text that parses as JSON resumes as that value; any other text as the string. */
export function resumeValueOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
