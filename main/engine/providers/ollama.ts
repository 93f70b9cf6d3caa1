import { ChatOllama } from "@langchain/ollama";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import type { ProviderAccess } from "../../settings/provider-access";
import { baseUrlOf } from "./provider-urls";

export const OLLAMA_DEFAULT_URL = "http://127.0.0.1:11434";

export function ollamaModel(config: LlmConfig, access: ProviderAccess, model: string): ChatOllama {
  return new ChatOllama({
    model,
    baseUrl: baseUrlOf(config, access) ?? OLLAMA_DEFAULT_URL,
    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    ...(config.maxTokens !== undefined ? { numPredict: config.maxTokens } : {}),
  });
}
