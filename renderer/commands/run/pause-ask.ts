import { isGraphShown, messagesFieldOfView, openGraphView, type OpenGraphView } from "../../stores/open-graph-facts";
import { isConditionalBreakpointPause } from "../../../shared/breakpoints";
import { useRunStore, type RunPause } from "../../stores/run-store";
import { pausedNodeInfo, type ToolCall } from "./paused-node-info";

/**
 * What the pause at hand asks of a person, or null when it asks nothing (a breakpoint at a node
 * no one answers): an answer at a human node (the tool call it becomes the result of, if any),
 * or a resume value for a node waiting in interrupt(payload).
 */
export type PauseAsk =
  | { kind: "answer"; node: string; question: string | null; messagesField: string; toolCall: ToolCall | null; askedBy: string | null }
  | { kind: "resume"; node: string; question: string | null };

export interface PauseAskInput {
  view: OpenGraphView;
  pause: RunPause | null;
  status: string;
  values: Record<string, unknown> | undefined;
  lastNode: string | null;
}

export function pauseAskOf(input: PauseAskInput): PauseAsk | null {
  const { view, pause, status } = input;
  if (status !== "paused" || !pause || !isGraphShown(view)) return null;
  // A conditional breakpoint's interrupt() asks nothing: Continue resumes it.
  if (pause.kind === "interrupt" && isConditionalBreakpointPause(pause.payload, pause.node)) return null;
  if (pause.kind === "interrupt") return { kind: "resume", node: pause.node, question: payloadText(pause.payload) };
  const info = pausedNodeInfo(input);
  const messagesField = messagesFieldOfView(view);
  if (pause.kind !== "before" || !info.humanLike || !messagesField) return null;
  const call = info.answersToolCall;
  return { kind: "answer", node: pause.node, question: call ? questionOf(call) : null, messagesField, toolCall: call, askedBy: call ? input.lastNode : null };
}

/** The pause of the open graph's run, from the stores. */
export function currentPauseAsk(): PauseAsk | null {
  const run = useRunStore.getState();
  return pauseAskOf({
    view: openGraphView(),
    pause: run.pause,
    status: run.status,
    values: (run.threadState?.values ?? undefined) as Record<string, unknown> | undefined,
    lastNode: run.lastNode,
  });
}

/** The question of an AskHuman-style call: its `question` argument, else its first one. */
export function questionOf(call: ToolCall): string {
  return String(call.args.question ?? Object.values(call.args)[0] ?? "");
}

/** An interrupt() payload as a person reads it: a string, its `question`, else its JSON. */
export function payloadText(payload: unknown): string {
  if (typeof payload === "string") return payload;
  if (payload && typeof payload === "object" && "question" in payload) return String((payload as { question: unknown }).question);
  return JSON.stringify(payload) ?? "";
}

/** What Continue without an answer means at this pause, in the words the dialog says it. */
export function noAnswerConsequence(ask: PauseAsk): string {
  if (ask.kind === "resume") return `${ask.node} gets no resume value: it runs again from its start and its interrupt() asks again.`;
  if (ask.toolCall) return `${ask.node} gets no answer: the ${ask.askedBy ?? "model"} will see no reply to ${ask.toolCall.name}.`;
  return `${ask.node} gets no answer: it runs with nothing from you.`;
}
