import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import { ScriptedChatModel } from "./scripted";

export class ProviderNotAvailableError extends Error {
  override name = "ProviderNotAvailableError";
  constructor(readonly provider: string) {
    super(`the "${provider}" model provider is not available in this build; use provider "scripted" for offline runs`);
  }
}

export interface ModelContext {
  state: Record<string, unknown>;
  messagesField: string;
}

/** The seam for model providers: one place that turns an llm node's config into a LangChain chat model. */
export type ChatModelFactory = (config: LlmConfig, context: ModelContext) => BaseChatModel;

export const defaultChatModelFactory: ChatModelFactory = (config, context) => {
  if (config.provider === "scripted") return new ScriptedChatModel({ replies: config.replies, ...context });
  throw new ProviderNotAvailableError(config.provider);
};
