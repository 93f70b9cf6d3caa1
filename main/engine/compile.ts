import { createHash } from "node:crypto";
import { START, StateGraph, type BaseCheckpointSaver, type BaseStore } from "@langchain/langgraph";
import { messagesFieldOf, type GraphDoc, type GraphNode } from "../../shared/graph-doc";
import { serializeGraphDoc } from "../../shared/graph-serialize";
import { semanticProblems } from "../../shared/graph-validate";
import { formatProblem } from "../../shared/problem";
import { codeNode } from "./nodes/code";
import { humanNode } from "./nodes/human";
import { llmNode } from "./nodes/llm";
import { setNode } from "./nodes/set";
import { toolsNode } from "./nodes/tools";
import { defaultChatModelFactory, type ChatModelFactory } from "./providers";
import { pathMapOf, routerFor, targetOf } from "./routing";
import { stateAnnotationOf } from "./state-schema";
import { defaultToolContext, type ToolContext } from "./tools";

export class InvalidGraphError extends Error {
  override name = "InvalidGraphError";
  constructor(readonly graphName: string, readonly problems: string[]) {
    super(`graph "${graphName}" cannot run until these problems are fixed:\n  ${problems.join("\n  ")}`);
  }
}

export interface CompileOptions {
  checkpointer?: BaseCheckpointSaver;
  store?: BaseStore;
  createModel?: ChatModelFactory;
  /** Secrets and MCP servers for http and mcp tools (default: secrets from the environment and settings, no MCP). */
  tools?: ToolContext;
}

export type CompiledGraph = ReturnType<typeof compileUncached>;

const cache = new WeakMap<object, WeakMap<ToolContext, Map<string, CompiledGraph>>>();
const NO_SAVER = {};

/** Compiles a validated document; the same document text, saver and tool context give the same compiled graph. */
export function compileGraphDoc(doc: GraphDoc, options: CompileOptions = {}): CompiledGraph {
  const key = documentHash(doc);
  const bySaver = cache.get(options.checkpointer ?? NO_SAVER) ?? new WeakMap<ToolContext, Map<string, CompiledGraph>>();
  cache.set(options.checkpointer ?? NO_SAVER, bySaver);
  const byHash = bySaver.get(options.tools ?? defaultToolContext) ?? new Map<string, CompiledGraph>();
  bySaver.set(options.tools ?? defaultToolContext, byHash);
  const hit = byHash.get(key);
  if (hit && !options.createModel && !options.store) return hit;
  const compiled = compileUncached(doc, options);
  if (!options.createModel && !options.store) byHash.set(key, compiled);
  return compiled;
}

export function documentHash(doc: GraphDoc): string {
  return createHash("sha256").update(serializeGraphDoc(doc)).digest("hex");
}

function compileUncached(doc: GraphDoc, options: CompileOptions) {
  const problems = semanticProblems(doc);
  if (problems.length > 0) throw new InvalidGraphError(doc.name, problems.map(formatProblem));
  const messagesField = messagesFieldOf(doc) ?? "messages";
  const createModel = options.createModel ?? defaultChatModelFactory;
  const tools = options.tools ?? defaultToolContext;
  const builder = new StateGraph(stateAnnotationOf(doc)) as unknown as StateGraph<any, any, any, string>;
  for (const node of doc.nodes) builder.addNode(node.id, runtimeOf(node, doc, messagesField, createModel, tools) as any);
  builder.addEdge(START, doc.entry);
  for (const node of doc.nodes) {
    const outgoing = doc.edges.filter((edge) => edge.source === node.id);
    const conditional = outgoing.filter((edge) => edge.when);
    if (conditional.length > 0) builder.addConditionalEdges(node.id, routerFor(conditional, messagesField), pathMapOf(conditional));
    for (const edge of outgoing.filter((candidate) => !candidate.when)) builder.addEdge(node.id, targetOf(edge.target));
  }
  const compiled = builder.compile({
    checkpointer: options.checkpointer,
    store: options.store,
    interruptBefore: doc.nodes.filter((node) => node.breakpoint?.before).map((node) => node.id),
    interruptAfter: doc.nodes.filter((node) => node.breakpoint?.after).map((node) => node.id),
  });
  compiled.name = doc.name;
  return compiled;
}

function runtimeOf(node: GraphNode, doc: GraphDoc, messagesField: string, createModel: ChatModelFactory, tools: ToolContext) {
  switch (node.kind) {
    case "llm":
      return llmNode(node, doc, messagesField, createModel, tools);
    case "tools":
      return toolsNode(node, messagesField, tools);
    case "human":
      return humanNode(node, messagesField);
    case "set":
      return setNode(node, doc, messagesFieldOf(doc));
    case "code":
      return codeNode(node, doc);
  }
}
