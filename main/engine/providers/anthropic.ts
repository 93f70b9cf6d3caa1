import { ChatAnthropic } from "@langchain/anthropic";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import type { ProviderAccess } from "../../settings/provider-access";
import { baseUrlOf, NO_KEY_NEEDED } from "./provider-urls";

export function anthropicModel(config: LlmConfig, access: ProviderAccess, model: string): ChatAnthropic {
  const baseUrl = baseUrlOf(config, access);
  return new ChatAnthropic({
    model,
    apiKey: access.apiKey ?? NO_KEY_NEEDED,
    ...(config.temperature !== undefined ? { temperature: Math.min(config.temperature, 1) } : {}),
    ...(config.maxTokens !== undefined ? { maxTokens: config.maxTokens } : {}),
    ...(baseUrl ? { anthropicApiUrl: baseUrl } : {}),
    maxRetries: 0,
  });
}
