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
  })
  .strict();

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
    /** For provider "scripted": replies chosen by rule (first match) or by turn. */
    replies: z.array(scriptedReplySchema).default([]),
  })
  .strict();

export type LlmConfig = z.infer<typeof llmConfigSchema>;
export type ScriptedReply = z.infer<typeof scriptedReplySchema>;

export const llmKind = {
  kind: "llm",
  label: "LLM",
  icon: "sparkles",
  color: "#7c3aed",
  description: "Calls a chat model with the conversation and its tools, and appends the reply.",
  configSchema: llmConfigSchema,
  defaults: (): LlmConfig => ({ provider: "scripted", tools: [], replies: [{ content: "Hello!", toolCalls: [] }] }),
} as const;
