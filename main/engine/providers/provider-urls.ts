import type { LlmConfig } from "../../../shared/node-kinds/llm";
import type { ProviderAccess } from "../../settings/provider-access";

// What the providers need to know before a model is built, kept apart from the SDKs so that
// checking a node's config does not load them.

/** Stands in for a key when an OpenAI-compatible local server (llama.cpp, vLLM) needs none. */
export const NO_KEY_NEEDED = "no-key-needed";

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

/** Anthropic's own API needs a key; a compatible proxy at another URL may not. */
export function anthropicNeedsKey(baseUrl: string | undefined): boolean {
  if (!baseUrl) return true;
  try {
    return new URL(baseUrl).hostname.endsWith("anthropic.com");
  } catch {
    return true;
  }
}
