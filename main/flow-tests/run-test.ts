import { randomUUID } from "node:crypto";
import { Command, type BaseCheckpointSaver } from "@langchain/langgraph";
import { normalAnswer, type FlowTest, type NormalAnswer } from "../../shared/flow-test";
import type { FlowTestResult } from "../../shared/flow-test-result";
import { messagesFieldOf, type GraphDoc } from "../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import { interruptsOf, threadStateOf } from "../api/state-view";
import { NODE_PATH_SEPARATOR, resolveNodePath } from "../../shared/node-paths";
import { compileGraphDoc, namesInsideSubgraphs, type ChatModelFactory, type CompiledGraph } from "../engine";
import { toolProblems } from "../engine/tool-preflight";
import type { ToolContext } from "../engine/tools/tool-context";
import type { UserSettings } from "../settings/settings-file";
import type { ThreadStore } from "../workspace/thread-store";
import { withCallScope } from "../engine/recording/call-scope";
import { applyAnswer, takeAnswer, UnusableAnswerError } from "./answers";
import { cassetteRunOf, type CassetteOptions } from "./cassette-run";
import { pausesOf, type PlacedPause } from "./pauses";
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
  /** Secrets and MCP servers for http and mcp tools (default: secrets only). */
  tools?: ToolContext;
  /** Real-provider tests replay from (or record to) `NAME.cassettes/<test>.json`. */
  cassettes?: CassetteOptions;
}

/** A graph that tests run against: its document, or why it cannot run. */
export interface TestedGraph {
  name: string;
  doc?: GraphDoc;
  /** The workspace's graphs, for subgraph nodes. */
  graphs?: WorkspaceGraphs;
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
  const cassette = cassetteRunOf(runner.cassettes, graph, test, runner);
  const blocked = whyNotRun(runner, graph, test, cassette?.offline ?? false);
  if (blocked) return notRun(blocked.status, blocked.message);
  const doc = graph.doc!;
  let compiled: CompiledGraph;
  try {
    compiled = compileGraphDoc(doc, { checkpointer: runner.saver, graphs: graph.graphs, interruptsInside: answersInsideSubgraphs(doc, test, graph.graphs), ...(runner.createModel ? { createModel: runner.createModel } : {}), ...(runner.tools ? { tools: runner.tools } : {}) });
  } catch (error) {
    return notRun("error", (error as Error).message);
  }
  // MCP servers start here, so a broken one (or a secret that is not set) is why the test could not run.
  const toolBlockers = runner.tools ? await toolProblems(doc, runner.tools) : [];
  if (toolBlockers.length > 0) return notRun("error", toolBlockers.map((problem) => problem.message).join("; "));
  const threadId = randomUUID();
  runner.threads.create(threadId, { graph_id: graph.name, flow_test: test.name });
  runner.threads.setStatus(threadId, "busy");
  try {
    const run = () => drive(compiled, { name: graph.name, doc, graphs: graph.graphs }, test, threadId);
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
      // The thread's state, not the last checkpoint: a branch answered since (parallel interrupts) is no longer waiting.
      paused_at: trace.ended === "paused" ? [...(await compiled.getState({ configurable: { thread_id: threadId } })).next] : [],
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
    const missing = missingProviderKey(doc, runner.env ?? process.env, runner.settings, graph.graphs);
    return missing ? { status: "skipped", message: missing } : undefined;
  }
  const real = realModelNodes(doc, graph.graphs)[0];
  if (real) return { status: "error", message: `node ${real.node} calls the ${real.provider} provider: mark the test "provider": "real" (or script the node's replies)` };
  return undefined;
}

/** Runs the test's input, answers each pause from the script, and reads the run back. */
async function drive(graph: CompiledGraph, { name, doc, graphs }: { name: string; doc: GraphDoc; graphs?: WorkspaceGraphs }, test: FlowTest, threadId: string) {
  const messagesField = messagesFieldOf(doc) ?? "messages";
  const answers: Array<NormalAnswer & { used?: boolean }> = test.answers.map(normalAnswer);
  const config = { configurable: { thread_id: threadId, graph_id: name } };
  const runOptions = { ...config, streamMode: "updates" as const, metadata: { graph_id: name, flow_test: test.name }, ...breakpointsOf(doc, answers, graphs) };
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
    const answered = await answerPauses(graph, await pausesOf(graph, state, doc, graphs, messagesField), answers, messagesField);
    for (const edit of answered.edits) asNodes.set(edit.checkpointId, edit.asNode);
    if (answered.failure) {
      failure = answered.failure;
      break;
    }
    if (answered.stuck) break;
    input = answered.next;
  }
  const trace = await readRunTrace(graph, threadId, { messagesField, runError, asNodeOf: (update) => asNodes.get(checkpointIdOf(update) ?? "") });
  return { trace, unusedAnswers: answers.filter((answer) => !answer.used).length, failure };
}

/**
 * The graph's own breakpoints, plus a pause before every node an answer is meant for; a node
 * inside a subgraph (`research > approve`) is paused before as LangGraph names it (`research:approve`).
 */
function breakpointsOf(doc: GraphDoc, answers: NormalAnswer[], graphs?: WorkspaceGraphs) {
  const before = new Set(doc.nodes.filter((node) => node.breakpoint?.before).map((node) => node.id));
  for (const answer of answers) {
    if (!answer.node || answer.kind === "resume") continue;
    const found = resolveNodePath(doc, answer.node, graphs);
    const node = found?.doc.nodes.find((candidate) => candidate.id === found.nodeId);
    // A node that calls interrupt() pauses by itself; pausing before it too would take its answer early.
    if (!node || (node.kind === "human" && node.config.mode === "interrupt")) continue;
    before.add(answer.node.split(NODE_PATH_SEPARATOR.trim()).map((part) => part.trim()).join(":"));
  }
  return { interruptBefore: [...before], interruptAfter: doc.nodes.filter((node) => node.breakpoint?.after).map((node) => node.id) };
}

/** The names of `breakpointsOf` that are inside subgraphs: compiled into them. */
export function answersInsideSubgraphs(doc: GraphDoc, test: FlowTest, graphs?: WorkspaceGraphs) {
  return { before: namesInsideSubgraphs(breakpointsOf(doc, test.answers.map(normalAnswer), graphs).interruptBefore) };
}

/**
 * Answers every pause the script has an answer for: state edits are written now (in the pause's
 * namespace), interrupt answers are sent together as the next input (by interrupt id when several
 * wait). `stuck`: a person's answer is missing and nothing else moves the run.
 */
async function answerPauses(graph: CompiledGraph, pauses: PlacedPause[], answers: Array<NormalAnswer & { used?: boolean }>, messagesField: string) {
  const edits: Array<{ checkpointId: string; asNode: string }> = [];
  const resumes: Array<{ pause: PlacedPause; value: unknown }> = [];
  let waiting = false;
  for (const pause of pauses) {
    const answer = takeAnswer(answers, pause);
    if (!answer) {
      waiting ||= pause.needsAnswer;
      continue;
    }
    if (answer.kind === "resume" || (answer.kind === "text" && pause.interrupted)) {
      resumes.push({ pause, value: answer.kind === "resume" ? answer.resume : answer.text });
      continue;
    }
    try {
      const local = answer.kind === "edit" ? { ...answer, asNode: answer.asNode.split(NODE_PATH_SEPARATOR.trim()).at(-1)!.trim() } : answer;
      const applied = await applyAnswer(graph, pause.config, { ...pause, node: pause.nodeId }, local, messagesField);
      if (applied.edit) edits.push(applied.edit);
    } catch (error) {
      if (!(error instanceof UnusableAnswerError)) throw error;
      return { edits, failure: error.message, stuck: false, next: null };
    }
  }
  const interrupted = pauses.filter((pause) => pause.interrupted).length;
  const next = resumes.length === 0 ? null : resumes.length === 1 && interrupted === 1 ? new Command({ resume: resumes[0].value }) : new Command({ resume: Object.fromEntries(resumes.map(({ pause, value }) => [pause.interruptId, value])) });
  return { edits, failure: undefined, stuck: waiting && edits.length === 0 && resumes.length === 0, next };
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
