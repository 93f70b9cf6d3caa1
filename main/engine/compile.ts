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
import { withConditionalBreakpoint } from "./conditional-breakpoint";
import { asNodeFunction, pinnable } from "./recording/pinnable";
import { tapedFactory } from "./recording/taped-factory";
import { pathMapOf, routerFor, targetOf } from "./routing";
import { stateAnnotationOf } from "./state-schema";

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
}

export type CompiledGraph = ReturnType<typeof compileUncached>;

const cache = new WeakMap<object, Map<string, CompiledGraph>>();
const NO_SAVER = {};

/** Compiles a validated document; the same document text and saver give the same compiled graph. */
export function compileGraphDoc(doc: GraphDoc, options: CompileOptions = {}): CompiledGraph {
  const key = documentHash(doc);
  const byHash = cache.get(options.checkpointer ?? NO_SAVER) ?? new Map<string, CompiledGraph>();
  cache.set(options.checkpointer ?? NO_SAVER, byHash);
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
  const createModel = tapedFactory(options.createModel ?? defaultChatModelFactory);
  const builder = new StateGraph(stateAnnotationOf(doc)) as unknown as StateGraph<any, any, any, string>;
  for (const node of doc.nodes) builder.addNode(node.id, nodeRuntimeOf(node, doc, messagesField, createModel) as any);
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

/** The node's runtime, answering its pin when pinned and pausing at its conditional breakpoint. */
function nodeRuntimeOf(node: GraphNode, doc: GraphDoc, messagesField: string, createModel: ChatModelFactory) {
  const runtime = asNodeFunction(runtimeOf(node, doc, messagesField, createModel) as never);
  return pinnable(node.id, withConditionalBreakpoint(node, messagesField, runtime));
}

function runtimeOf(node: GraphNode, doc: GraphDoc, messagesField: string, createModel: ChatModelFactory) {
  switch (node.kind) {
    case "llm":
      return llmNode(node, doc, messagesField, createModel);
    case "tools":
      return toolsNode(node, messagesField);
    case "human":
      return humanNode(node, messagesField);
    case "set":
      return setNode(node, doc, messagesFieldOf(doc));
    case "code":
      return codeNode(node, doc);
  }
}
