import type { AssistantGraph } from "@langchain/langgraph-sdk";
import { END, START, type StateField } from "../../../shared/graph-doc";

/**
 * A graph LangGraph draws (`GET /assistants/{id}/graph?xray=true`), made ready for the canvas
 * (the same canvas as a document's, without its editing affordances). With xray, a subgraph node "greet" is replaced by its inner nodes "greet:compose", ...;
 * they are drawn inside a group named "greet". Run status, breakpoints and taken edges belong to
 * the top-level node ("greet"), the name LangGraph's tasks stream and interrupt_before use.
 */
export interface DrawnNode {
  id: string;
  label: string;
  /** The enclosing group (a subgraph node), absent at the top level. */
  parent?: string;
  /** The top-level node this one belongs to (itself at the top level). */
  top: string;
  role: "node" | "group" | "start" | "end";
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  conditional: boolean;
  label?: string;
  /** The top-level edge it belongs to, as the run store keys taken edges ("agent>tools"). */
  runSource: string;
  runTarget: string;
}

export interface DrawnGraph {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

const SEPARATOR = ":";

const topOf = (id: string) => id.split(SEPARATOR)[0];
const parentOf = (id: string) => (id.includes(SEPARATOR) ? id.slice(0, id.lastIndexOf(SEPARATOR)) : undefined);
const localName = (id: string) => id.slice(id.lastIndexOf(SEPARATOR) + 1);

/** Nodes (groups first, so React Flow sees a parent before its children) and edges of the drawing. */
export function drawnGraphOf(drawable: AssistantGraph): DrawnGraph {
  const ids = drawable.nodes.map((node) => String(node.id));
  const groups = new Set<string>();
  for (const id of ids) {
    for (let parent = parentOf(id); parent; parent = parentOf(parent)) groups.add(parent);
  }
  const nodes: DrawnNode[] = [];
  for (const id of [...groups].sort((a, b) => a.split(SEPARATOR).length - b.split(SEPARATOR).length)) {
    nodes.push({ id, label: localName(id), parent: parentOf(id), top: topOf(id), role: "group" });
  }
  for (const id of ids) {
    if (groups.has(id)) continue;
    const name = localName(id);
    const role = id === START ? "start" : id === END ? "end" : "node";
    nodes.push({ id, label: role === "start" ? "START" : role === "end" ? "END" : name, parent: parentOf(id), top: topOf(id), role });
  }
  const seen = new Set<string>();
  const edges: DrawnEdge[] = [];
  for (const edge of drawable.edges) {
    const id = `${edge.source}->${edge.target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const label = typeof edge.data === "string" && edge.data !== edge.target && edge.data !== localName(edge.target) ? edge.data : undefined;
    edges.push({ id, source: edge.source, target: edge.target, conditional: !!edge.conditional, label, runSource: topOf(edge.source), runTarget: topOf(edge.target) });
  }
  return { nodes, edges };
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  description?: string;
}

/** State fields from the graph's state JSON schema (`/assistants/{id}/schemas`): types for the state editor. */
export function stateFieldsFromSchema(stateSchema: unknown): Record<string, StateField> {
  const properties = (stateSchema as JsonSchema | null)?.properties;
  if (!properties) return { messages: { type: "messages", reducer: "messages" } };
  const fields: Record<string, StateField> = {};
  for (const [name, schema] of Object.entries(properties)) {
    if (!/^[a-zA-Z_]\w*$/.test(name)) continue;
    fields[name] = { type: fieldTypeOf(name, schema), reducer: name === "messages" ? "messages" : "replace" };
  }
  return fields;
}

function fieldTypeOf(name: string, schema: JsonSchema): StateField["type"] {
  if (name === "messages") return "messages";
  const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== "null") : schema.type;
  if (type === "string") return "string";
  if (type === "number" || type === "integer") return "number";
  if (type === "boolean") return "boolean";
  if (type === "array") return "list";
  if (type === "object") return "object";
  return "any";
}
