import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import type { Runnable, RunnableConfig } from "@langchain/core/runnables";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import { providerAccess, secretsOf } from "../../settings/provider-access";
import { readSettings, type UserSettings } from "../../settings/settings-file";
import { MissingApiKeyError, ModelNotChosenError, providerErrorOf } from "./errors";
import { anthropicNeedsKey, baseUrlOf, openAiNeedsKey } from "./provider-urls";
import { RetriesExhausted, retryPolicyOf, withRetry } from "./retry";
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
  /** The llm node asking, so errors can name it. */
  nodeId?: string;
}

/**
 * The seam for model providers: one place that turns an llm node's config into a LangChain chat model.
 * It may answer with a promise: the provider SDKs (openai, anthropic, ollama: ~385 modules, ~0.3 s
 * of CPU) are imported only when an llm node of that provider first runs, not at start-up.
 */
export type ChatModelFactory = (config: LlmConfig, context: ModelContext) => BaseChatModel | Promise<BaseChatModel>;

/** Where keys and base URLs come from: the settings file (read when it changes) and the environment. */
export interface ProviderSources {
  settings: () => UserSettings;
  env: NodeJS.ProcessEnv;
}

const defaultSources: ProviderSources = { settings: () => readSettings(), env: process.env };

export function chatModelFactory(sources: ProviderSources = defaultSources): ChatModelFactory {
  return (config, context) => {
    if (config.provider === "scripted") return new ScriptedChatModel({ replies: config.replies, ...context });
    const nodeId = context.nodeId ?? "?";
    const access = providerAccess(config.provider, sources.settings(), sources.env);
    const problem = accessProblem(config, access.apiKey !== undefined, baseUrlOf(config, access));
    if (problem === "model") throw new ModelNotChosenError(nodeId, config.provider);
    if (problem === "key") throw new MissingApiKeyError(nodeId, config.provider as "openai" | "anthropic");
    const model = config.model!;
    switch (config.provider) {
      case "openai":
        return import("./openai").then(({ openAiModel }) => openAiModel(config, access, model));
      case "anthropic":
        return import("./anthropic").then(({ anthropicModel }) => anthropicModel(config, access, model));
      case "ollama":
        return import("./ollama").then(({ ollamaModel }) => ollamaModel(config, access, model));
    }
    throw new ProviderNotAvailableError(config.provider);
  };
}

export const defaultChatModelFactory: ChatModelFactory = chatModelFactory();

/** What keeps an llm node from running before any call: no model named, or no key for a provider that needs one. */
export function accessProblem(config: Pick<LlmConfig, "provider" | "model" | "baseUrl">, hasKey: boolean, baseUrl: string | undefined): "model" | "key" | undefined {
  if (config.provider === "scripted") return undefined;
  if (!config.model?.trim()) return "model";
  if (hasKey) return undefined;
  if (config.provider === "openai" && openAiNeedsKey(baseUrl)) return "key";
  if (config.provider === "anthropic" && anthropicNeedsKey(baseUrl)) return "key";
  return undefined;
}

/**
 * Calls a (tool-bound) chat model with the node's retry policy and time limit. Failures of real
 * providers become named ProviderErrors on the node, with every key redacted from the message.
 */
export async function invokeChatModel(
  model: Runnable<BaseMessage[], BaseMessage>,
  messages: BaseMessage[],
  runConfig: RunnableConfig,
  node: { id: string; config: LlmConfig },
  sources: ProviderSources = defaultSources,
): Promise<BaseMessage> {
  return invokeWithPolicy((config) => model.invoke(messages, config), runConfig, node, model, sources);
}

/** Any call of a node's model (a plain reply or a structured answer) under the node's retry policy and time limit. */
export async function invokeWithPolicy<T>(
  call: (config: RunnableConfig) => Promise<T>,
  runConfig: RunnableConfig,
  node: { id: string; config: LlmConfig },
  model: unknown,
  sources: ProviderSources = defaultSources,
): Promise<T> {
  if (node.config.provider === "scripted") return call(runConfig);
  try {
    return await withRetry((signal) => call({ ...runConfig, signal }), retryPolicyOf(node.config), runConfig.signal);
  } catch (error) {
    if (!(error instanceof RetriesExhausted)) throw error;
    throw providerErrorOf(error.facts, { nodeId: node.id, provider: node.config.provider, attempts: error.attempts, secrets: secretsOfModel(model, sources) });
  }
}

function secretsOfModel(model: unknown, sources: ProviderSources): string[] {
  const secrets = secretsOf(safeSettings(sources), sources.env);
  const bound = (model as { bound?: unknown }).bound ?? model;
  for (const key of ["apiKey", "openAIApiKey", "anthropicApiKey"]) {
    const value = (bound as Record<string, unknown>)[key];
    if (typeof value === "string" && value.length > 0) secrets.push(value);
  }
  return secrets;
}

function safeSettings(sources: ProviderSources): UserSettings {
  try {
    return sources.settings();
  } catch {
    return { version: 1, keys: {}, baseUrls: {} };
  }
}
