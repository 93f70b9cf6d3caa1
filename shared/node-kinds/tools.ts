import { z } from "zod";

export const toolArgSchema = z
  .object({ name: z.string().min(1), type: z.enum(["string", "number", "boolean"]).default("string"), description: z.string().default("") })
  .strict();

export const toolDefinitionSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][\w-]{0,63}$/, "a tool name is letters, digits, _ or -, starting with a letter"),
    description: z.string().default(""),
    kind: z.literal("mock").default("mock"),
    args: z.array(toolArgSchema).default([]),
    /** Template of the canned result: `{{args.query}}` inserts an argument. */
    result: z.string(),
  })
  .strict();

export const toolsConfigSchema = z.object({ tools: z.array(toolDefinitionSchema).default([]) }).strict();

export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;
export type ToolsConfig = z.infer<typeof toolsConfigSchema>;

export const toolsKind = {
  kind: "tools",
  label: "Tools",
  icon: "wrench",
  color: "#0891b2",
  description: "Runs the tool calls of the last model message and appends their results.",
  configSchema: toolsConfigSchema,
  defaults: (): ToolsConfig => ({ tools: [] }),
} as const;
