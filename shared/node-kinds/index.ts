import { codeKind } from "./code";
import { humanKind } from "./human";
import { llmKind } from "./llm";
import { setKind } from "./set";
import { subgraphKind } from "./subgraph";
import { toolsKind } from "./tools";

/** Adding a node kind: its file here, its runtime in main/engine/nodes/, and a line in each registry. */
export const nodeKinds = {
  llm: llmKind,
  tools: toolsKind,
  human: humanKind,
  set: setKind,
  code: codeKind,
  subgraph: subgraphKind,
} as const;

export type NodeKindName = keyof typeof nodeKinds;
export const nodeKindNames = Object.keys(nodeKinds) as NodeKindName[];

export { codeKind, humanKind, llmKind, setKind, subgraphKind, toolsKind };
export type { CodeConfig } from "./code";
export type { HumanConfig } from "./human";
export type { LlmConfig, ScriptedReply } from "./llm";
export type { SetConfig } from "./set";
export type { SubgraphConfig } from "./subgraph";
export type { ToolDefinition, ToolsConfig } from "./tools";
