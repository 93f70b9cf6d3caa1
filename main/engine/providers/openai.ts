import { ChatOpenAI } from "@langchain/openai";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import type { ProviderAccess } from "../../settings/provider-access";

/** Stands in for a key when an OpenAI-compatible local server (llama.cpp, vLLM) needs none. */
export const NO_KEY_NEEDED = "no-key-needed";

/** OpenAI, or any server speaking its chat-completions API at another base URL. */
export function openAiModel(config: LlmConfig, access: ProviderAccess, model: string): ChatOpenAI {
  return new ChatOpenAI({
    model,
    apiKey: access.apiKey ?? NO_KEY_NEEDED,
    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    ...(config.maxTokens !== undefined ? { maxTokens: config.maxTokens } : {}),
    configuration: { ...(baseUrlOf(config, access) ? { baseURL: baseUrlOf(config, access) } : {}) },
    // Switchyard retries itself (per-node policy, retry-after honoured): no hidden retries below it.
    maxRetries: 0,
    streamUsage: true,
  });
}

export function baseUrlOf(config: Pick<LlmConfig, "baseUrl">, access: ProviderAccess): string | undefined {
  return config.baseUrl ?? access.baseUrl;
}

/** A key is needed unless the node talks to some other OpenAI-compatible server. */
export function openAiNeedsKey(baseUrl: string | undefined): boolean {
  if (!baseUrl) return true;
  try {
    return new URL(baseUrl).hostname.endsWith("openai.com");
  } catch {
    return true;
  }
}
