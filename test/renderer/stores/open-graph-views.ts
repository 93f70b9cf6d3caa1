import type { AssistantGraph } from "@langchain/langgraph-sdk";
import type { GraphDoc, StateField } from "../../../shared/graph-doc";
import { drawnGraphOf } from "../../../renderer/commands/code-graph/drawable-graph";
import { workspaceServer, LangGraphServer } from "../../../renderer/client/langgraph";
import type { DrawnBreakpoint } from "../../../renderer/stores/drawn-breakpoints-store";
import type { OpenGraphView } from "../../../renderer/stores/open-graph-facts";

/** The seed graph as LangGraph draws it (a code project or a deployment), with a subgraph "greet" expanded by xray. */
export const seedDrawing: AssistantGraph = {
  nodes: ["__start__", "agent", "ask_human", "action", "greet:compose", "greet:punctuate", "__end__"].map((id) => ({ id })),
  edges: [
    { source: "__start__", target: "agent" },
    { source: "agent", target: "ask_human", conditional: true },
    { source: "agent", target: "action", conditional: true },
    { source: "agent", target: "greet:compose", conditional: true },
    { source: "greet:compose", target: "greet:punctuate" },
    { source: "greet:punctuate", target: "__end__" },
    { source: "ask_human", target: "agent" },
    { source: "action", target: "agent" },
  ],
};

/** A workspace graph open with its document. */
export function workspaceView(doc: GraphDoc): OpenGraphView {
  return { graph: { name: doc.name, assistantId: doc.name, source: { kind: "workspace", server: workspaceServer } }, doc, drawn: { nodes: [], edges: [] }, schemaFields: null, drawnBreakpoints: {} };
}

/** A code or remote graph open: drawn from the seed drawing, no document. */
export function drawnView(kind: "code" | "remote", drawnBreakpoints: Record<string, DrawnBreakpoint> = {}, schemaFields: Record<string, StateField> | null = null): OpenGraphView {
  const source = kind === "code" ? { kind, server: workspaceServer, file: "src/agent.ts" } as const : { kind, server: new LangGraphServer({ url: "https://agents.example.com" }), url: "https://agents.example.com" } as const;
  return { graph: { name: "agent", assistantId: kind === "code" ? "agent" : "a-1", source }, doc: null, drawn: drawnGraphOf(seedDrawing), schemaFields, drawnBreakpoints };
}
