import { z } from "zod";
import { codeLimits } from "./code";

export const toolArgSchema = z
  .object({ name: z.string().min(1), type: z.enum(["string", "number", "boolean"]).default("string"), description: z.string().default("") })
  .strict();

export const toolDefinitionSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][\w-]{0,63}$/, "a tool name is letters, digits, _ or -, starting with a letter"),
    description: z.string().default(""),
    /** "mock": a templated canned result; "code": a JavaScript function `(args) => result` run in the sandbox. */
    kind: z.enum(["mock", "code"]).default("mock"),
    args: z.array(toolArgSchema).default([]),
    /** For mock tools: template of the canned result; `{{args.query}}` inserts an argument. */
    result: z.string().optional(),
    /** For code tools: `(args) => result`; a string result is the tool message, anything else is sent as JSON. */
    source: z.string().optional(),
    timeoutMs: codeLimits.timeoutMs.optional(),
    memoryMb: codeLimits.memoryMb.optional(),
  })
  .strict()
  .superRefine((tool, ctx) => {
    if (tool.kind === "mock" && tool.result === undefined) ctx.addIssue({ code: "custom", path: ["result"], message: "a mock tool needs a result" });
    if (tool.kind === "code" && !tool.source?.trim()) ctx.addIssue({ code: "custom", path: ["source"], message: "a code tool needs a source such as (args) => args.a + args.b" });
  });

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
