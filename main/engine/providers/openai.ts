import { ChatOpenAI } from "@langchain/openai";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import type { ProviderAccess } from "../../settings/provider-access";
import { NO_KEY_NEEDED, baseUrlOf } from "./provider-urls";

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
