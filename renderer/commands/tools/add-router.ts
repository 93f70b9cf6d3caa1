import type { GraphDoc, GraphNode } from "../../../shared/graph-doc";
import { nodeKinds } from "../../../shared/node-kinds";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import { docCommand } from "../command";
import { freeNodeId } from "../node-ids";
import { withRouteEdges } from "./route-edges";

export interface AddRouterInput {
  position: { x: number; y: number };
  /** The routes (default billing and tech). */
  values?: string[];
}

export const ROUTER_DEFAULT_VALUES = ["billing", "tech"];

/** The state field the router writes: `route`, or a free `route_N` when `route` holds something other than text. */
function routeFieldOf(doc: GraphDoc): string {
  const fields = doc.state.fields;
  let name = "route";
  for (let i = 2; fields[name] && fields[name].type !== "string"; i++) name = `route_${i}`;
  return name;
}

/**
 * The Router preset: an llm node answering in structured output with one enum field (`route`),
 * one `field-equals` edge per value to a new node, and an "otherwise" edge to END. Adds the
 * state field when it is missing. One undo step; the router ends up selected.
 */
export const addRouter = docCommand<AddRouterInput>({
  title: "Add router",
  entersHistory: true,
  apply(doc, { position, values = ROUTER_DEFAULT_VALUES }) {
    const field = routeFieldOf(doc);
    const id = freeNodeId(doc, "router");
    const config: LlmConfig = {
      ...nodeKinds.llm.defaults(),
      systemPrompt: `Classify the request: ${values.join(" or ")}.`,
      outputFields: [{ name: field, type: "string", enum: values, description: `Which way the request goes: ${values.join(", ")}` }],
      replies: [{ content: "", toolCalls: [], output: { [field]: values[0] } }],
    };
    const router = { id, kind: "llm", label: "Router", position: { x: Math.round(position.x), y: Math.round(position.y) }, config } as GraphNode;
    const fields = doc.state.fields[field] ? doc.state.fields : { ...doc.state.fields, [field]: { type: "string" as const, reducer: "replace" as const, description: "Which way the router sent the request" } };
    const withRouter: GraphDoc = { ...doc, state: { ...doc.state, fields }, nodes: [...doc.nodes, router] };
    return { doc: withRouteEdges(withRouter, id, field, values).doc, select: { nodes: [id] } };
  },
});
