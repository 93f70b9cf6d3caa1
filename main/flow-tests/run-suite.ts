import type { FlowTest } from "../../shared/flow-test";
import { summarize, type FlowTestReport, type FlowTestResult } from "../../shared/flow-test-result";
import { formatProblem } from "../../shared/problem";
import { workspaceGraphs } from "../engine";
import type { Workspace } from "../workspace/workspace";
import { runFlowTest, type RunnerEnv, type TestedGraph } from "./run-test";

/** The graph as it is on disk now; a missing or invalid one makes every test an error that says why. */
export async function testedGraph(workspace: Workspace, name: string): Promise<TestedGraph> {
  const entry = await workspace.graph(name);
  if (!entry) return { name, unusable: `there is no graph "${name}" (no ${name}.graph.json)` };
  if (!entry.doc || entry.problems.length > 0) {
    return { name, unusable: `graph "${name}" cannot run until its problems are fixed: ${entry.problems.map(formatProblem).join("; ")}` };
  }
  return { name, doc: entry.doc, graphs: await workspaceGraphs(workspace) };
}

/** Runs tests one after another (each is a thread of its own) and sums them up. */
export async function runTests(runner: RunnerEnv, graph: TestedGraph, file: string, tests: FlowTest[]): Promise<FlowTestReport> {
  const started = Date.now();
  const results: FlowTestResult[] = [];
  for (const test of tests) results.push(await runFlowTest(runner, graph, test));
  return { graph: graph.name, file, results, summary: summarize(results), duration_ms: Date.now() - started };
}
