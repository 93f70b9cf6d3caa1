import { z } from "zod";
import { conditionSchema, edgeConditionSchema } from "./conditions";
import { codeConfigSchema } from "./node-kinds/code";
import { humanConfigSchema } from "./node-kinds/human";
import { llmConfigSchema } from "./node-kinds/llm";
import { setConfigSchema } from "./node-kinds/set";
import { subgraphConfigSchema } from "./node-kinds/subgraph";
import { toolsConfigSchema } from "./node-kinds/tools";

export const GRAPH_DOC_VERSION = 1;
export const START = "__start__";
export const END = "__end__";

const nodeId = z
  .string()
  .regex(/^[a-zA-Z_][\w-]{0,63}$/, "a node id is letters, digits, _ or -, starting with a letter or _ (at most 64)")
  .refine((id) => id !== START && id !== END, "__start__ and __end__ are reserved");

export const fieldTypes = ["messages", "string", "number", "boolean", "list", "object", "any"] as const;
export const reducers = ["messages", "replace", "append", "sum", "merge"] as const;

export const stateFieldSchema = z
  .object({
    type: z.enum(fieldTypes),
    reducer: z.enum(reducers),
    default: z.unknown().optional(),
    description: z.string().optional(),
  })
  .strict();

export const positionSchema = z.object({ x: z.number(), y: z.number() }).strict();

export const breakpointSchema = z
  .object({
    before: z.boolean().optional(),
    after: z.boolean().optional(),
    /** A conditional breakpoint: pause before the node (as an interrupt) only when this rule holds. */
    when: conditionSchema.optional(),
    /** Pause on this hit only ("the 3rd time"); with `when`, hits count only when the rule holds. */
    hitCount: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

const nodeBase = {
  id: nodeId,
  position: positionSchema.default({ x: 0, y: 0 }),
  breakpoint: breakpointSchema.optional(),
  label: z.string().optional(),
  /** Waits for all of its unconditional incoming edges in the same run (LangGraph's addEdge([a, b], node)). */
  join: z.boolean().optional(),
};

export const graphNodeSchema = z.discriminatedUnion("kind", [
  z.object({ ...nodeBase, kind: z.literal("llm"), config: llmConfigSchema }).strict(),
  z.object({ ...nodeBase, kind: z.literal("tools"), config: toolsConfigSchema }).strict(),
  z.object({ ...nodeBase, kind: z.literal("human"), config: humanConfigSchema }).strict(),
  z.object({ ...nodeBase, kind: z.literal("set"), config: setConfigSchema }).strict(),
  z.object({ ...nodeBase, kind: z.literal("code"), config: codeConfigSchema }).strict(),
  z.object({ ...nodeBase, kind: z.literal("subgraph"), config: subgraphConfigSchema }).strict(),
]);

const edgeEnd = z.string().min(1);

export const graphEdgeSchema = z
  .object({
    id: z.string().min(1),
    source: edgeEnd,
    target: edgeEnd,
    /**
     * Present on conditional edges; rules from one source are tried by ascending `order`, "otherwise"
     * last. A "for-each" condition is not a rule: it sends one task per list item (LangGraph Send).
     */
    when: edgeConditionSchema.optional(),
    order: z.number().int().min(0).optional(),
  })
  .strict();

export const graphDocSchema = z
  .object({
    version: z.literal(GRAPH_DOC_VERSION),
    name: z.string().min(1),
    description: z.string().optional(),
    entry: z.string().min(1),
    state: z.object({ fields: z.record(z.string().regex(/^[a-zA-Z_]\w*$/, "a field name is letters, digits or _"), stateFieldSchema) }).strict(),
    nodes: z.array(graphNodeSchema),
    edges: z.array(graphEdgeSchema),
  })
  .strict();

export type GraphDoc = z.infer<typeof graphDocSchema>;
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type StateField = z.infer<typeof stateFieldSchema>;
export type FieldType = (typeof fieldTypes)[number];
export type Reducer = (typeof reducers)[number];
export type NodeOfKind<K extends GraphNode["kind"]> = Extract<GraphNode, { kind: K }>;

/** The field the chat-style helpers (conditions, templates, human answers) work on. */
export function messagesFieldOf(doc: Pick<GraphDoc, "state">): string | undefined {
  return Object.entries(doc.state.fields).find(([, field]) => field.type === "messages")?.[0];
}
