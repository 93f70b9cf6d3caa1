import type { FlowCheck, FlowTest, FlowTestsFile } from "./flow-test";
import type { Problem } from "./problem";

/** Result shapes of flow test runs: what `POST /switchyard/tests/:graph/run` and `switchyard test --reporter json` return. */

export type FlowTestStatus = "passed" | "failed" | "error" | "skipped";

export interface CheckResult {
  check: FlowCheck;
  /** The check as a sentence (`describeCheck`). */
  description: string;
  passed: boolean;
  /** What the run actually did, in words: shown next to a failing check. */
  actual: string;
  /** The checkpoint to open in the debugger for this check (the failing step when it failed). */
  checkpoint_id: string | null;
  /** True for "no node errors" added by the runner because a node failed and the test did not check for it. */
  implicit?: boolean;
}

export interface FlowTestStep {
  node: string;
  /** "run": the node ran; "answer": a test answer or state edit was applied as this node. */
  via: "run" | "answer";
  /** LangGraph's step number (checkpoint metadata.step). */
  step: number;
  /** The checkpoint written after this step. */
  checkpoint_id: string;
  /** For a node inside a subgraph (`research > search`): the subgraph's checkpoint namespace the checkpoint is in. */
  checkpoint_ns?: string;
}

export interface FlowTestResult {
  graph: string;
  name: string;
  status: FlowTestStatus;
  /** Why it was skipped or could not run; for a failure, the first failing check and its actual value. */
  message?: string;
  provider: "scripted" | "real";
  /** The thread the test ran as (in the workspace's thread list), or null when it never started. */
  thread_id: string | null;
  /** Where to open the debugger: the first failing check's step, else the last checkpoint. */
  checkpoint_id: string | null;
  ended: "finished" | "paused" | "error" | null;
  /** The nodes the run stayed paused before, when it ended paused. */
  paused_at: string[];
  steps: FlowTestStep[];
  checks: CheckResult[];
  /** Answers of the test that no pause used (the graph paused fewer times, or elsewhere). */
  unused_answers: number;
  duration_ms: number;
}

export interface FlowTestSummary {
  total: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

export interface FlowTestReport {
  graph: string;
  file: string;
  results: FlowTestResult[];
  summary: FlowTestSummary;
  duration_ms: number;
}

export function summarize(results: FlowTestResult[]): FlowTestSummary {
  const count = (status: FlowTestStatus) => results.filter((result) => result.status === status).length;
  return { total: results.length, passed: count("passed"), failed: count("failed"), errors: count("error"), skipped: count("skipped") };
}

/** `GET /switchyard/tests/:graph` and `PUT` (after saving). */
export interface FlowTestsFileResponse {
  graph: string;
  /** e.g. `agent.tests.json`, beside the graph file. */
  file: string;
  exists: boolean;
  /** The parsed file (empty when it does not exist yet); null when it does not match the schema. */
  doc: FlowTestsFile | null;
  text: string;
  /** Send back as `baseHash` when saving; null when there is no file yet. */
  hash: string | null;
  /** Schema errors when `doc` is null, else warnings where tests no longer fit the graph (unknown nodes, fields). */
  problems: Problem[];
  /** The last result of each test in the file, by test name (from the panel or `switchyard test`). */
  last_results: Record<string, FlowTestResult>;
  /** Real-provider tests' cassettes (`NAME.cassettes/<test>.json`), by test name. */
  cassettes?: Record<string, CassetteStatus>;
}

/** A real-provider test's cassette: recorded for the graph and test as they are, missing, or stale (recorded for another version). */
export interface CassetteStatus {
  status: "recorded" | "missing" | "stale";
  reason?: string;
}

/** How a tests run treats cassettes (`switchyard test`, `--record`, `--record-missing`). */
export type CassetteRunMode = "replay" | "record" | "record-missing";

/** `POST /switchyard/tests/:graph/from-thread`: a proposed test, not saved yet. */
export interface RecordedTestResponse {
  test: FlowTest;
  /** What could not be recorded exactly, in words. */
  notes: string[];
}
