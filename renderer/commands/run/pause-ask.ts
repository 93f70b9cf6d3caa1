import { isConditionalBreakpointPause } from "../../../shared/breakpoints";
import type { WorkspaceGraphs } from "../../../shared/graph-validate";
import { resolveNodePath } from "../../../shared/node-paths";
import { renderTemplate } from "../../../shared/template";
import { isGraphShown, messagesFieldOfView, openGraphView, type OpenGraphView } from "../../stores/open-graph-facts";
import { pathLabel, type InnerPause, type PendingInterrupt } from "../../stores/run-pause";
import { workspaceGraphs } from "../../stores/workspace-graphs-store";
import type { SubgraphUpdate } from "./apply-as-node";
import { useRunStore, type RunPause } from "../../stores/run-store";
import { pausedNodeInfo, type ToolCall } from "./paused-node-info";

/**
 * What the pause at hand asks of a person, or null when it asks nothing (a breakpoint at a node
 * no one answers): an answer at a human node (the tool call it becomes the result of, if any),
 * or a resume value for a node waiting in interrupt(payload).
 */
export type PauseAsk =
  | { kind: "answer"; node: string; question: string | null; messagesField: string; toolCall: ToolCall | null; askedBy: string | null; inside?: InsideAnswer }
  | { kind: "resume"; node: string; question: string | null; interruptId?: string };

/**
 * An answer at a human node inside a subgraph: `node` of the ask is its path (`research > approve`),
 * the answer is applied as `asNode` in the subgraph's checkpoint namespace.
 */
export interface InsideAnswer extends SubgraphUpdate {
  asNode: string;
}

export interface PauseAskInput {
  view: OpenGraphView;
  pause: RunPause | null;
  status: string;
  values: Record<string, unknown> | undefined;
  lastNode: string | null;
  /** The workspace's graphs: what a subgraph node runs, for a pause inside it. */
  graphs?: WorkspaceGraphs;
  /** Every interrupt() pending: more than one asks each by its id. */
  interrupts?: PendingInterrupt[];
  /** Every subgraph task paused inside: more than one asks each in its own namespace. */
  innerPauses?: InnerPause[];
}

export function pauseAskOf(input: PauseAskInput): PauseAsk | null {
  const { view, pause, status } = input;
  if (status !== "paused" || !pause || !isGraphShown(view)) return null;
  if (pause.inner) return insideAskOf(input, pause.inner);
  // A conditional breakpoint's interrupt() asks nothing: Continue resumes it.
  if (pause.kind === "interrupt" && isConditionalBreakpointPause(pause.payload, pause.node)) return null;
  if (pause.kind === "interrupt") return { kind: "resume", node: pause.node, question: payloadText(pause.payload) };
  const info = pausedNodeInfo(input);
  const messagesField = messagesFieldOfView(view);
  if (pause.kind !== "before" || !info.humanLike || !messagesField) return null;
  const call = info.answersToolCall;
  return { kind: "answer", node: pause.node, question: call ? questionOf(call) : null, messagesField, toolCall: call, askedBy: call ? input.lastNode : null };
}

/**
 * Every ask of the pause: one per interrupt() when parallel branches wait at once (each answered
 * alone by its interrupt id; the run goes on when all are answered), else the one pause's ask.
 */
export function pauseAsksOf(input: PauseAskInput): PauseAsk[] {
  const pending = input.interrupts ?? [];
  if (input.status === "paused" && pending.length > 1) {
    return pending.map((interrupt) => ({ kind: "resume" as const, node: pathLabel(interrupt.path), question: payloadText(interrupt.value), ...(interrupt.id ? { interruptId: interrupt.id } : {}) }));
  }
  const inner = input.innerPauses ?? [];
  if (input.status === "paused" && input.pause?.inner && inner.length > 1) {
    const asks = inner.flatMap((pause) => insideAskOf(input, pause) ?? []);
    // The tasks of a for-each share one path: numbered so each box says which it answers.
    return asks.map((ask, index) => (asks.filter((other) => other.node === ask.node).length > 1 ? { ...ask, node: `${ask.node} #${index + 1}` } : ask));
  }
  const ask = pauseAskOf(input);
  return ask ? [ask] : [];
}

/** A pause inside a subgraph, asked in the subgraph's own terms: its document, its state, its node. */
function insideAskOf(input: PauseAskInput, inner: InnerPause): PauseAsk | null {
  const label = pathLabel(inner.path);
  if (inner.kind === "interrupt") return { kind: "resume", node: label, question: payloadText(inner.payload) };
  const found = input.view.doc ? resolveNodePath(input.view.doc, label, input.graphs) : undefined;
  if (!found) return null;
  // The subgraph's own document, asked as if it were the graph on screen.
  const own = pauseAskOf({ view: { ...input.view, doc: found.doc }, pause: { kind: "before", node: found.nodeId }, status: input.status, values: inner.values, lastNode: null });
  if (own?.kind !== "answer") return own;
  const node = found.doc.nodes.find((candidate) => candidate.id === found.nodeId);
  // Without a tool call to answer, the human node's own question, rendered on the subgraph's state.
  const question = own.question ?? (node?.kind === "human" && node.config.question ? renderTemplate(node.config.question, { state: inner.values, messagesField: own.messagesField }) : null);
  return { ...own, node: label, question, inside: { path: inner.path.slice(0, -1), checkpoint: inner.checkpoint, asNode: found.nodeId } };
}

/** The input of the asks of the open graph's run, from the stores. */
export function currentPauseAskInput(): PauseAskInput {
  const run = useRunStore.getState();
  return {
    view: openGraphView(),
    pause: run.pause,
    status: run.status,
    values: (run.threadState?.values ?? undefined) as Record<string, unknown> | undefined,
    lastNode: run.lastNode,
    graphs: workspaceGraphs(),
    interrupts: run.interrupts,
    innerPauses: run.innerPauses,
  };
}

/** The pause of the open graph's run (the first ask when several wait), from the stores. */
export function currentPauseAsk(): PauseAsk | null {
  return pauseAsksOf(currentPauseAskInput())[0] ?? null;
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
