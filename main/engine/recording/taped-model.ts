import { randomUUID } from "node:crypto";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import { concat } from "@langchain/core/utils/stream";
import { getConfig } from "@langchain/langgraph";
import type { LlmConfig } from "../../../shared/node-kinds/llm";
import type { CallPlace, ModelRequest, ModelResponse, RecordedModelCall } from "../../../shared/recorded-calls";
import { currentCallScope, type CallScope } from "./call-scope";
import type { TapeEntry } from "./call-tape";
import { CassetteMissError } from "./errors";
import { modelRequestOf, recordedMessageOf, requestKeyOf } from "./model-request";
import { redactSecrets } from "./redact";

type LiveModel = Runnable<BaseMessage[], BaseMessage>;

export interface TapedChatModelInput {
  /** The provider's model, made only when a call must really go to the provider. */
  live: () => LiveModel | Promise<LiveModel>;
  config: LlmConfig;
  nodeId: string;
  tools?: unknown[];
}

/**
 * Stands between an llm node and its provider's chat model: each call is written down (request as
 * sent, response with its streamed tokens, usage, latency) for the run's CallScope, and, when the
 * scope holds a tape, a call whose request is on it is answered from it without reaching the provider.
 */
export class TapedChatModel extends BaseChatModel {
  private liveModel: Promise<LiveModel> | undefined;
  /** The provider's model once made (the provider SDKs load on first use, so making it is async). */
  private madeModel: LiveModel | undefined;
  private readonly input: TapedChatModelInput;

  constructor(input: TapedChatModelInput) {
    super({});
    this.input = input;
  }

  // LangChain asks for this while the base class is being built, before `input` is set.
  _llmType(): string {
    return "taped";
  }

  /** The provider model's fields (its key among them), for the engine's error redaction. */
  get bound(): unknown {
    const live = this.madeModel as (LiveModel & { bound?: unknown }) | undefined;
    return live ? (live.bound ?? live) : {};
  }

  override bindTools(tools: unknown[], kwargs?: Record<string, unknown>): this {
    const { live } = this.input;
    type Bindable = { bindTools(tools: unknown[], kwargs?: Record<string, unknown>): LiveModel };
    return new TapedChatModel({ ...this.input, tools, live: async () => ((await live()) as unknown as Bindable).bindTools(tools, kwargs) }) as this;
  }

  async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<ChatResult> {
    const call = this.begin(messages);
    if (call.served) {
      this.finish(call, call.served.response, true);
      const message = aiMessageOf(call.served.response);
      return { generations: [{ text: String(message.content), message }] };
    }
    try {
      const message = await (await this.live()).invoke(messages, { signal: options.signal, callbacks: [] });
      this.finish(call, responseOf(message, []), false);
      return { generations: [{ text: typeof message.content === "string" ? message.content : "", message }] };
    } catch (error) {
      this.fail(call, error);
      throw error;
    }
  }

  override async *_streamResponseChunks(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const call = this.begin(messages);
    if (call.served) {
      for (const chunk of chunksOf(call.served.response)) yield await emit(chunk, runManager);
      this.finish(call, call.served.response, true);
      return;
    }
    const tokens: string[] = [];
    let full: AIMessageChunk | undefined;
    try {
      for await (const chunk of await (await this.live()).stream(messages, { signal: options.signal, callbacks: [] })) {
        const piece = chunk as AIMessageChunk;
        full = full ? concat(full, piece) : piece;
        if (typeof piece.content === "string" && piece.content) tokens.push(piece.content);
        yield await emit(piece, runManager);
      }
    } catch (error) {
      this.fail(call, error);
      throw error;
    }
    this.finish(call, responseOf(full ?? new AIMessageChunk({ content: "" }), tokens), false);
  }

  private live(): Promise<LiveModel> {
    this.liveModel ??= Promise.resolve(this.input.live()).then((model) => (this.madeModel = model));
    return this.liveModel;
  }

  private begin(messages: BaseMessage[]): PendingCall {
    const scope = currentCallScope();
    const request = modelRequestOf(messages, this.input.tools ?? [], this.input.config, scope?.secrets ?? []);
    const key = requestKeyOf(request);
    return { scope, request, key, started: Date.now(), place: placeOf(this.input.nodeId), served: this.served(scope, key, request) };
  }

  private served(scope: CallScope | undefined, key: string, request: ModelRequest): TapeEntry | undefined {
    if (!scope?.tape || scope.mode === "record") return undefined;
    const tapesThisProvider = this.input.config.provider !== "scripted" || scope.mode === "replay";
    if (!tapesThisProvider) return undefined;
    if (scope.mode === "replay") {
      if (scope.diverged) return undefined;
      const entry = scope.tape.take(key);
      if (!entry) scope.diverged = { node: this.input.nodeId };
      return entry;
    }
    const entry = scope.tape.take(key);
    if (!entry && scope.mode === "cassette") {
      const missed = new CassetteMissError(this.input.nodeId, request, scope.tape.closestFor(this.input.nodeId)?.request);
      // The first miss says why: a tool call missed before makes every later model request differ too.
      scope.missed ??= missed;
      throw missed;
    }
    return entry;
  }

  private finish(call: PendingCall, response: ModelResponse, replayed: boolean): void {
    const safe = redactSecrets(response, call.scope?.secrets ?? []);
    if (!replayed && call.scope?.tape && this.input.config.provider !== "scripted") call.scope.tape.add({ node: this.input.nodeId, key: call.key, request: call.request, response: safe });
    call.scope?.onModelCall?.(this.recordOf(call, { response: safe, replayed, ...(safe.message.usage_metadata ? { usage: safe.message.usage_metadata } : {}) }));
  }

  private fail(call: PendingCall, error: unknown): void {
    const message = redactSecrets((error as Error)?.message ?? String(error), call.scope?.secrets ?? []);
    call.scope?.onModelCall?.(this.recordOf(call, { error: message, replayed: false }));
  }

  private recordOf(call: PendingCall, outcome: Pick<RecordedModelCall, "replayed"> & Partial<RecordedModelCall>): RecordedModelCall {
    return { kind: "model", id: randomUUID(), ...call.place, at: new Date(call.started).toISOString(), latency_ms: Date.now() - call.started, key: call.key, request: call.request, ...outcome };
  }
}

interface PendingCall {
  scope: CallScope | undefined;
  request: ModelRequest;
  key: string;
  started: number;
  place: CallPlace;
  served: TapeEntry | undefined;
}

/** Where in the run the call is: LangGraph's config of the running task says thread, run, step and task. */
export function placeOf(node: string): CallPlace {
  let config: { configurable?: Record<string, unknown>; metadata?: Record<string, unknown> } | undefined;
  try {
    config = getConfig() as typeof config;
  } catch {
    config = undefined;
  }
  const metadata = config?.metadata ?? {};
  const configurable = config?.configurable ?? {};
  const threadId = configurable.thread_id ?? metadata.thread_id;
  const runId = configurable.run_id ?? metadata.run_id;
  const step = metadata.langgraph_step;
  const task = configurable.checkpoint_ns ?? metadata.langgraph_checkpoint_ns;
  return {
    node,
    ...(typeof threadId === "string" ? { thread_id: threadId } : {}),
    ...(typeof runId === "string" ? { run_id: runId } : {}),
    ...(typeof step === "number" ? { step } : {}),
    ...(typeof task === "string" && task ? { task } : {}),
  };
}

function responseOf(message: BaseMessage, tokens: string[]): ModelResponse {
  const fields = message as AIMessage;
  return {
    message: {
      ...recordedMessageOf(message),
      ...(message.id ? { id: message.id } : {}),
      ...(fields.usage_metadata ? { usage_metadata: { input_tokens: fields.usage_metadata.input_tokens, output_tokens: fields.usage_metadata.output_tokens, total_tokens: fields.usage_metadata.total_tokens } } : {}),
      ...(Object.keys(fields.response_metadata ?? {}).length > 0 ? { response_metadata: fields.response_metadata } : {}),
    },
    tokens,
  };
}

function toolCallsOf(response: ModelResponse) {
  return (response.message.tool_calls ?? []).map((call, index) => ({ id: call.id ?? `call_${index}`, name: call.name, args: call.args as Record<string, unknown>, type: "tool_call" as const }));
}

function aiMessageOf(response: ModelResponse): AIMessage {
  const { message } = response;
  return new AIMessage({
    id: (message as { id?: string }).id ?? randomUUID(),
    content: message.content as string,
    tool_calls: toolCallsOf(response),
    ...(message.usage_metadata ? { usage_metadata: message.usage_metadata } : {}),
    ...(message.response_metadata ? { response_metadata: message.response_metadata } : {}),
  });
}

/** The recorded tokens as the provider streamed them, then the tool calls and usage in a last chunk. */
function chunksOf(response: ModelResponse): AIMessageChunk[] {
  const id = (response.message as { id?: string }).id ?? randomUUID();
  const text = typeof response.message.content === "string" ? response.message.content : "";
  const tokens = response.tokens.length > 0 ? response.tokens : text ? [text] : [];
  const toolCallChunks = toolCallsOf(response).map((call, index) => ({ name: call.name, args: JSON.stringify(call.args), id: call.id, index, type: "tool_call_chunk" as const }));
  const last = new AIMessageChunk({
    content: "",
    id,
    tool_call_chunks: toolCallChunks,
    ...(response.message.usage_metadata ? { usage_metadata: response.message.usage_metadata } : {}),
    ...(response.message.response_metadata ? { response_metadata: response.message.response_metadata } : {}),
  });
  return [...tokens.map((token) => new AIMessageChunk({ content: token, id })), last];
}

async function emit(message: AIMessageChunk, runManager?: CallbackManagerForLLMRun): Promise<ChatGenerationChunk> {
  const text = typeof message.content === "string" ? message.content : "";
  const chunk = new ChatGenerationChunk({ text, message });
  if (text) await runManager?.handleLLMNewToken(text, undefined, undefined, undefined, undefined, { chunk });
  return chunk;
}
