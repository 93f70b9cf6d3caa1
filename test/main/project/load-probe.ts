// Run by code-project-loading.int.test.ts in a plain Node process with tsx (as `switchyard serve`
// runs), since vitest's own module runner would stand in for Node's loader hooks.
import { writeFileSync } from "node:fs";
import { StateGraph } from "@langchain/langgraph";
import { CodeProject } from "../../../main/project/code-project";

interface ProbeRequest {
  config: string;
  invoke: Array<{ graphId: string; input: Record<string, unknown>; configurable?: Record<string, unknown> }>;
  /** Files to write before a reload; the invocations run again after it. */
  rewrite?: Record<string, string>;
}

const request = JSON.parse(process.argv[2]) as ProbeRequest;
const services = { checkpointer: undefined, store: undefined };
const project = new CodeProject(request.config);

async function snapshot(version: number) {
  const graphs = Object.fromEntries(project.graphIds().map((graphId) => [graphId, project.entry(graphId)?.problem ?? "ok"]));
  const results: unknown[] = [];
  for (const call of request.invoke) {
    const graph = await project.graph(call.graphId, services, { configurable: call.configurable ?? {} });
    results.push({ output: await (graph as unknown as { invoke(input: unknown): Promise<unknown> }).invoke(call.input), sameLangGraph: (graph as { builder?: unknown }).builder instanceof StateGraph });
  }
  return { version, graphs, results };
}

const first = await snapshot((await project.load()).version);
let second;
if (request.rewrite) {
  for (const [file, text] of Object.entries(request.rewrite)) writeFileSync(file, text);
  second = await snapshot((await project.reload()).version);
}
console.log(JSON.stringify({ first, second }));
