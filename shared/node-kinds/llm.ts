import { z } from "zod";
import { conditionSchema } from "../conditions";

/** One canned model turn: the text it says and the tools it calls (argument values are templates). */
export const scriptedReplySchema = z
  .object({
    when: conditionSchema.or(z.object({ type: z.literal("turn"), index: z.number().int().min(0) }).strict()).optional(),
    content: z.string().default(""),
    toolCalls: z
      .array(z.object({ name: z.string().min(1), args: z.record(z.string(), z.string()).default({}) }).strict())
      .default([]),
    /** For a node with outputFields: the structured answer, one value per field (string values are templates). */
    output: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** One state field an llm node with structured output fills; `enum` limits a string to those values. */
export const outputFieldSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z_]\w*$/, "a field name is letters, digits or _"),
    type: z.enum(["string", "number", "boolean"]).default("string"),
    enum: z.array(z.string().min(1)).min(1, "an enum needs at least one value").optional(),
    description: z.string().optional(),
  })
  .strict()
  .refine((field) => field.enum === undefined || field.type === "string", { message: "only a string field can have an enum", path: ["enum"] });

export const llmConfigSchema = z
  .object({
    provider: z.enum(["scripted", "openai", "anthropic", "ollama"]).default("scripted"),
    model: z.string().optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
    baseUrl: z.string().url().optional(),
    systemPrompt: z.string().optional(),
    /** Provider calls that fail with 429, 5xx, a timeout or a lost connection are retried this often (default 2). */
    maxRetries: z.number().int().min(0).max(10).optional(),
    /** First wait before a retry, doubled each time (default 1000 ms); a provider's retry-after wins. */
    retryBackoffMs: z.number().int().min(0).max(60_000).optional(),
    /** One provider call longer than this fails as a timeout (default 60000 ms). */
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
    /** Names of tools this model may call: tools of the graph's tools nodes, or a human node's ask tool. */
    tools: z.array(z.string().min(1)).default([]),
    /**
     * With fields here the model answers in structured output (LangChain withStructuredOutput) and the
     * answer is written to these state fields, through their reducers, instead of appending a message.
     */
    outputFields: z.array(outputFieldSchema).optional(),
    /** For provider "scripted": replies chosen by rule (first match) or by turn. */
    replies: z.array(scriptedReplySchema).default([]),
  })
  .strict();

export type LlmConfig = z.infer<typeof llmConfigSchema>;
export type ScriptedReply = z.infer<typeof scriptedReplySchema>;
export type OutputField = z.infer<typeof outputFieldSchema>;

export const llmKind = {
  kind: "llm",
  label: "LLM",
  icon: "sparkles",
  color: "#7c3aed",
  description: "Calls a chat model with the conversation and its tools, and appends the reply.",
  configSchema: llmConfigSchema,
  defaults: (): LlmConfig => ({ provider: "scripted", tools: [], replies: [{ content: "Hello!", toolCalls: [] }] }),
} as const;
