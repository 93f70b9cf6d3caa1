import { ChatAnthropic } from "@langchain/anthropic";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import type { ProviderAccess } from "../../settings/provider-access";
import { baseUrlOf, NO_KEY_NEEDED } from "./openai";

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

/** Anthropic's own API needs a key; a compatible proxy at another URL may not. */
export function anthropicNeedsKey(baseUrl: string | undefined): boolean {
  if (!baseUrl) return true;
  try {
    return new URL(baseUrl).hostname.endsWith("anthropic.com");
  } catch {
    return true;
  }
}
