import { randomUUID } from "node:crypto";
import type { BaseCheckpointSaver, Command } from "@langchain/langgraph";
import { normalAnswer, type FlowTest, type NormalAnswer } from "../../shared/flow-test";
import type { FlowTestResult } from "../../shared/flow-test-result";
import { messagesFieldOf, type GraphDoc } from "../../shared/graph-doc";
import { interruptsOf, threadStateOf } from "../api/state-view";
import { compileGraphDoc, type ChatModelFactory, type CompiledGraph } from "../engine";
import type { UserSettings } from "../settings/settings-file";
import type { ThreadStore } from "../workspace/thread-store";
import { withCallScope } from "../engine/recording/call-scope";
import { applyAnswer, pauseOf, takeAnswer, UnusableAnswerError } from "./answers";
import { cassetteRunOf, type CassetteOptions } from "./cassette-run";
import { evaluateChecks } from "./checks";
import { missingProviderKey, realModelNodes } from "./providers";
import { checkpointIdOf, readRunTrace, type RunTrace } from "./thread-trace";

/** Where tests run: the workspace's checkpoint saver and thread list, so each test is a real thread. */
export interface RunnerEnv {
  saver: BaseCheckpointSaver;
  threads: ThreadStore;
  /** Where real-provider keys are looked up (default: the process environment and the user's settings). */
  env?: NodeJS.ProcessEnv;
  settings?: () => UserSettings;
  /** The model factory (default: the engine's); tests point real providers at a fake server with it. */
  createModel?: ChatModelFactory;
  /** Real-provider tests replay from (or record to) `NAME.cassettes/<test>.json`. */
  cassettes?: CassetteOptions;
}

/** A graph that tests run against: its document, or why it cannot run. */
export interface TestedGraph {
  name: string;
  doc?: GraphDoc;
  /** Set when the graph file is missing or invalid: every test is reported as an error with it. */
  unusable?: string;
}

/** Enough for a runaway loop of pauses that each continue without an answer. */
const MAX_PAUSES = 100;

export async function runFlowTest(runner: RunnerEnv, graph: TestedGraph, test: FlowTest): Promise<FlowTestResult> {
  const started = Date.now();
  const provider = test.provider ?? "scripted";
  const base = { graph: graph.name, name: test.name, provider, thread_id: null, checkpoint_id: null, ended: null, paused_at: [], steps: [], checks: [], unused_answers: 0 } as const;
  const notRun = (status: "error" | "skipped", message: string): FlowTestResult => ({ ...base, paused_at: [], steps: [], checks: [], status, message, duration_ms: Date.now() - started });
  const cassette = cassetteRunOf(runner.cassettes, graph.name, test, runner);
  const blocked = whyNotRun(runner, graph, test, cassette?.offline ?? false);
  if (blocked) return notRun(blocked.status, blocked.message);
  const doc = graph.doc!;
  let compiled: CompiledGraph;
  try {
    compiled = compileGraphDoc(doc, { checkpointer: runner.saver, ...(runner.createModel ? { createModel: runner.createModel } : {}) });
  } catch (error) {
    return notRun("error", (error as Error).message);
  }
  const threadId = randomUUID();
  runner.threads.create(threadId, { graph_id: graph.name, flow_test: test.name });
  runner.threads.setStatus(threadId, "busy");
  try {
    const run = () => drive(compiled, { name: graph.name, doc }, test, threadId);
    const driven = cassette ? await withCallScope(cassette.scope, run) : await run();
    const { trace, unusedAnswers } = driven;
    const failure = cassette?.scope.missed?.message ?? driven.failure;
    cassette?.save();
    const checks = evaluateChecks(test.checks, trace);
    const firstFailed = checks.find((check) => !check.passed);
    await recordThreadOutcome(runner.threads, compiled, threadId, trace);
    return {
      ...base,
      status: failure ? "error" : firstFailed ? "failed" : "passed",
      message: failure ?? (firstFailed ? `${firstFailed.description}: ${firstFailed.actual}` : undefined),
      thread_id: threadId,
      checkpoint_id: firstFailed?.checkpoint_id ?? checkpointIdOf(trace.final) ?? null,
      ended: trace.ended,
      paused_at: trace.ended === "paused" ? [...trace.final.next] : [],
      steps: trace.steps,
      checks,
      unused_answers: unusedAnswers,
      duration_ms: Date.now() - started,
    };
  } catch (error) {
    runner.threads.setStatus(threadId, "error");
    return { ...notRun("error", (error as Error).message), thread_id: threadId };
  }
}

/** Why a test cannot run here: a graph that cannot run, a provider key that is missing, an input that does not fit. */
function whyNotRun(runner: RunnerEnv, graph: TestedGraph, test: FlowTest, offline: boolean): { status: "error" | "skipped"; message: string } | undefined {
  const doc = graph.doc;
  if (!doc) return { status: "error", message: graph.unusable ?? `graph "${graph.name}" cannot run` };
  if (typeof test.input === "string" && !messagesFieldOf(doc)) {
    return { status: "error", message: `graph "${graph.name}" has no messages field for a text input: give the input as an object of state fields` };
  }
  if (test.provider === "real") {
    if (offline) return undefined;
    const missing = missingProviderKey(doc, runner.env ?? process.env, runner.settings);
    return missing ? { status: "skipped", message: missing } : undefined;
  }
  const real = realModelNodes(doc)[0];
  if (real) return { status: "error", message: `node ${real.node} calls the ${real.provider} provider: mark the test "provider": "real" (or script the node's replies)` };
  return undefined;
}

/** Runs the test's input, answers each pause from the script, and reads the run back. */
async function drive(graph: CompiledGraph, { name, doc }: { name: string; doc: GraphDoc }, test: FlowTest, threadId: string) {
  const messagesField = messagesFieldOf(doc) ?? "messages";
  const answers: Array<NormalAnswer & { used?: boolean }> = test.answers.map(normalAnswer);
  const config = { configurable: { thread_id: threadId, graph_id: name } };
  const runOptions = { ...config, streamMode: "updates" as const, metadata: { graph_id: name, flow_test: test.name }, ...breakpointsOf(doc, answers) };
  const asNodes = new Map<string, string>();
  let input: Record<string, unknown> | Command | null = inputOf(test.input, messagesField);
  let runError: unknown;
  let failure: string | undefined;
  for (let pauses = 0; pauses <= MAX_PAUSES; pauses++) {
    try {
      for await (const _update of await graph.stream(input as never, runOptions as never)) void _update;
    } catch (error) {
      runError = error;
      break;
    }
    const state = await graph.getState(config);
    if (state.next.length === 0) break;
    const pause = pauseOf(state, doc, messagesField);
    const answer = takeAnswer(answers, pause);
    if (!answer) {
      if (pause.needsAnswer) break;
      input = null;
      continue;
    }
    try {
      const applied = await applyAnswer(graph, config, pause, answer, messagesField);
      if (applied.edit) asNodes.set(applied.edit.checkpointId, applied.edit.asNode);
      input = applied.next;
    } catch (error) {
      if (!(error instanceof UnusableAnswerError)) throw error;
      failure = error.message;
      break;
    }
  }
  const trace = await readRunTrace(graph, threadId, { messagesField, runError, asNodeOf: (update) => asNodes.get(checkpointIdOf(update) ?? "") });
  return { trace, unusedAnswers: answers.filter((answer) => !answer.used).length, failure };
}

/** The graph's own breakpoints, plus a pause before every node an answer is meant for. */
function breakpointsOf(doc: GraphDoc, answers: NormalAnswer[]) {
  const known = new Set(doc.nodes.map((node) => node.id));
  // A node that calls interrupt() pauses by itself; pausing before it too would take its answer early.
  const before = new Set(doc.nodes.filter((node) => node.breakpoint?.before).map((node) => node.id));
  const asksItself = new Set(doc.nodes.filter((node) => node.kind === "human" && node.config.mode === "interrupt").map((node) => node.id));
  for (const answer of answers) {
    if (answer.node && answer.kind !== "resume" && known.has(answer.node) && !asksItself.has(answer.node)) before.add(answer.node);
  }
  return { interruptBefore: [...before], interruptAfter: doc.nodes.filter((node) => node.breakpoint?.after).map((node) => node.id) };
}

export function inputOf(input: FlowTest["input"], messagesField: string): Record<string, unknown> {
  if (typeof input === "string") return { [messagesField]: [{ role: "human", content: input }] };
  return input;
}

/** The thread list shows the test's thread like any other: its status, values and pending interrupts. */
async function recordThreadOutcome(threads: ThreadStore, graph: CompiledGraph, threadId: string, trace: RunTrace): Promise<void> {
  const state = threadStateOf(await graph.getState({ configurable: { thread_id: threadId } }), threadId);
  const status = trace.ended === "error" ? "error" : trace.ended === "paused" ? "interrupted" : "idle";
  threads.update(threadId, { status, values: state.values, interrupts: interruptsOf(state) });
}
