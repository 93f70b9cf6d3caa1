import { BaseChatModel, type BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import { RunnableLambda, type Runnable } from "@langchain/core/runnables";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { randomUUID } from "node:crypto";
import { conditionHolds, messageRole } from "../../../shared/conditions";
import type { ScriptedReply } from "../../../shared/node-kinds/llm";
import { renderTemplate } from "../../../shared/template";

export interface ScriptedChatModelInput extends BaseChatModelParams {
  replies: ScriptedReply[];
  /** The graph state the rules and templates read (the model itself only sees messages). */
  state: Record<string, unknown>;
  messagesField: string;
}

/**
 * An offline, deterministic chat model: the reply is the first scripted one whose rule holds
 * (a reply without a rule always holds). It is a real LangChain chat model, so it streams
 * tokens through callbacks like any provider and the `messages` stream mode sees them.
 */
export class ScriptedChatModel extends BaseChatModel {
  private readonly replies: ScriptedReply[];
  private readonly state: Record<string, unknown>;
  private readonly messagesField: string;

  constructor(input: ScriptedChatModelInput) {
    super(input);
    this.replies = input.replies;
    this.state = input.state;
    this.messagesField = input.messagesField;
  }

  _llmType(): string {
    return "scripted";
  }

  override bindTools(): this {
    return this;
  }

  /**
   * Structured output of a scripted reply is its `output` (string values are templates), given
   * back as a provider's parsed answer would be; the llm node checks it against its fields.
   */
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(): Runnable<BaseLanguageModelInput, RunOutput> {
    return RunnableLambda.from(async () => this.structuredReply() as RunOutput);
  }

  private structuredReply(): unknown {
    const output = this.chooseReply()?.output;
    if (output === undefined) return undefined;
    const scope = { state: this.state, messagesField: this.messagesField };
    return Object.fromEntries(Object.entries(output).map(([key, value]) => [key, typeof value === "string" ? renderTemplate(value, scope) : value]));
  }

  async _generate(_messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.buildReply();
    return { generations: [{ text: String(message.content), message }] };
  }

  override async *_streamResponseChunks(_messages: BaseMessage[], _options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun) {
    const reply = this.buildReply();
    const id = reply.id;
    const words = String(reply.content).match(/\S+\s*|\s+/g) ?? [];
    for (const word of words) {
      const chunk = new ChatGenerationChunk({ text: word, message: new AIMessageChunk({ content: word, id }) });
      yield chunk;
      await runManager?.handleLLMNewToken(word, undefined, undefined, undefined, undefined, { chunk });
    }
    const toolCallChunks = reply.tool_calls?.map((call, index) => ({ name: call.name, args: JSON.stringify(call.args), id: call.id, index, type: "tool_call_chunk" as const }));
    if (toolCallChunks?.length) {
      yield new ChatGenerationChunk({ text: "", message: new AIMessageChunk({ content: "", id, tool_call_chunks: toolCallChunks }) });
    }
  }

  private buildReply(): AIMessage {
    const chosen = this.chooseReply();
    if (!chosen) return new AIMessage({ content: "", id: randomUUID() });
    const scope = { state: this.state, messagesField: this.messagesField };
    return new AIMessage({
      id: randomUUID(),
      content: renderTemplate(chosen.content, scope),
      tool_calls: chosen.toolCalls.map((call) => ({
        name: call.name,
        args: Object.fromEntries(Object.entries(call.args).map(([key, value]) => [key, renderTemplate(value, scope)])),
        id: `call_${randomUUID().replaceAll("-", "").slice(0, 24)}`,
        type: "tool_call" as const,
      })),
    });
  }

  private chooseReply(): ScriptedReply | undefined {
    const messages = (this.state[this.messagesField] as BaseMessage[] | undefined) ?? [];
    const turn = messages.filter((message) => messageRole(message as never) === "ai").length;
    return this.replies.find((reply) => {
      if (!reply.when) return true;
      if (reply.when.type === "turn") return reply.when.index === turn;
      return conditionHolds(reply.when, this.state, this.messagesField);
    });
  }
}
