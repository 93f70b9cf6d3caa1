import { z } from "zod";

export const subgraphConfigSchema = z
  .object({
    /**
     * The workspace graph this node runs (its `NAME.graph.json`), compiled as a StateGraph and
     * added as one node. It shares the state fields of the same name with this graph; its other
     * fields stay inside it.
     */
    // Empty while a new node waits for its graph (a validation problem, not a schema error: the document still saves).
    graph: z.string().regex(/^([a-zA-Z0-9_][\w.-]{0,63})?$/, "name a graph of the workspace (its NAME.graph.json)"),
  })
  .strict();

export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;

export const subgraphKind = {
  kind: "subgraph",
  label: "Subgraph",
  icon: "graph",
  color: "#0891b2",
  description: "Runs another graph of the workspace as one node, sharing the state fields of the same name.",
  configSchema: subgraphConfigSchema,
  defaults: (): SubgraphConfig => ({ graph: "" }),
} as const;
