import type { GraphDoc } from "../../shared/graph-doc";
import type { WorkspaceGraphs } from "../../shared/graph-validate";
import { graphOf } from "../../shared/graph-validate-subgraphs";
import type { Problem } from "../../shared/problem";
import { providerAccess } from "../settings/provider-access";
import { readSettings, type UserSettings } from "../settings/settings-file";
import { accessProblem } from "./providers";
import { exampleModel, missingKeyMessage } from "./providers/errors";
import { baseUrlOf } from "./providers/provider-urls";
import { codeSyntaxProblem } from "./sandbox/sandbox";
import { secretSource } from "../settings/secrets";
import { toolProblems } from "./tool-preflight";
import type { ToolContext } from "./tools/tool-context";

/**
 * What keeps a valid graph from running on this machine, found before the run starts: an llm
 * node without a model or without the key its provider needs, code that does not compile.
 * Each problem names its node so the canvas can select it. `settings` defaults to the user's file.
 */
export async function checkRunnable(doc: GraphDoc, settings?: UserSettings, env: NodeJS.ProcessEnv = process.env, graphs?: WorkspaceGraphs, tools?: ToolContext): Promise<Problem[]> {
  const own = await ownRunnableProblems(doc, settings, env, tools);
  return [...own, ...(graphs ? await subgraphRunnableProblems(doc, settings, env, graphs, new Set([doc.name]), tools) : [])];
}

/** What keeps the graphs that subgraph nodes run from running, each on the subgraph node that runs it. */
async function subgraphRunnableProblems(doc: GraphDoc, settings: UserSettings | undefined, env: NodeJS.ProcessEnv, graphs: WorkspaceGraphs, seen: Set<string>, tools?: ToolContext): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [i, node] of doc.nodes.entries()) {
    if (node.kind !== "subgraph" || seen.has(node.config.graph)) continue;
    const child = graphOf(node.config.graph, doc, graphs);
    if (!child) continue;
    const inner = [...(await ownRunnableProblems(child, settings, env, tools)), ...(await subgraphRunnableProblems(child, settings, env, graphs, new Set([...seen, child.name]), tools))];
    for (const problem of inner) problems.push({ path: `nodes[${i}].config.graph`, message: `in graph "${child.name}" (subgraph node "${node.id}"): ${problem.message}`, nodeId: node.id });
  }
  return problems;
}

async function ownRunnableProblems(doc: GraphDoc, settings: UserSettings | undefined, env: NodeJS.ProcessEnv, tools?: ToolContext): Promise<Problem[]> {
  const context = tools ?? { secrets: secretSource(settings ? () => settings : undefined, env) };
  // Runs start through here: a graph with only scripted models needs no settings file read.
  if (!usesRemoteModels(doc)) return [...(await codeProblems(doc)), ...(await toolProblems(doc, context))];
  let current = settings;
  const problems: Problem[] = [];
  if (!current) {
    try {
      current = readSettings();
    } catch (error) {
      problems.push({ path: "", message: (error as Error).message });
      current = { version: 1, keys: {}, baseUrls: {} };
    }
  }
  return [...problems, ...providerProblems(doc, current, env), ...(await codeProblems(doc)), ...(await toolProblems(doc, context))];
}

function usesRemoteModels(doc: GraphDoc): boolean {
  return doc.nodes.some((node) => node.kind === "llm" && node.config.provider !== "scripted");
}

/** A run was refused before it started; `problems` locate each cause on its node. */
export class GraphNotRunnableError extends Error {
  override name = "GraphNotRunnableError";
  constructor(readonly graphName: string, readonly problems: Problem[]) {
    super(`graph "${graphName}" cannot run on this machine yet: ${problems.map((problem) => problem.message).join("; ")}`);
  }
}

/** checkRunnable for callers that start runs: throws GraphNotRunnableError when anything is in the way. */
export async function assertRunnable(doc: GraphDoc, settings?: UserSettings, env: NodeJS.ProcessEnv = process.env, tools?: ToolContext): Promise<void> {
  const problems = await checkRunnable(doc, settings, env, undefined, tools);
  if (problems.length > 0) throw new GraphNotRunnableError(doc.name, problems);
}


/** Model and key problems of the graph's llm nodes (synchronous: no code is compiled). */
export function providerProblems(doc: GraphDoc, settings: UserSettings, env: NodeJS.ProcessEnv = process.env): Problem[] {
  const problems: Problem[] = [];
  doc.nodes.forEach((node, i) => {
    if (node.kind !== "llm" || node.config.provider === "scripted") return;
    const provider = node.config.provider;
    const access = providerAccess(provider, settings, env);
    const problem = accessProblem(node.config, access.apiKey !== undefined, baseUrlOf(node.config, access));
    if (problem === "model") {
      problems.push({ path: `nodes[${i}].config.model`, message: `llm node "${node.id}" uses ${provider} but names no model: choose one (e.g. ${exampleModel(provider)})`, nodeId: node.id });
    }
    if (problem === "key") problems.push({ path: `nodes[${i}].config.provider`, message: missingKeyMessage(node.id, provider as "openai" | "anthropic"), nodeId: node.id });
  });
  return problems;
}

/** Compile errors of code nodes and code tools, from QuickJS itself (shared/ cannot host it). */
export async function codeProblems(doc: GraphDoc): Promise<Problem[]> {
  const checks: Array<Promise<Problem | undefined>> = [];
  doc.nodes.forEach((node, i) => {
    if (node.kind === "code") {
      checks.push(syntaxProblem(node.config.source, `nodes[${i}].config.source`, `code node "${node.id}"`, node.id));
    }
    if (node.kind === "tools") {
      node.config.tools.forEach((tool, t) => {
        if (tool.kind === "code") checks.push(syntaxProblem(tool.source ?? "", `nodes[${i}].config.tools[${t}].source`, `code tool "${tool.name}"`, node.id));
      });
    }
  });
  return (await Promise.all(checks)).filter((problem): problem is Problem => problem !== undefined);
}

async function syntaxProblem(source: string, path: string, subject: string, nodeId: string): Promise<Problem | undefined> {
  const detail = await codeSyntaxProblem(source);
  return detail ? { path, message: `${subject} does not compile: ${detail}`, nodeId } : undefined;
}
