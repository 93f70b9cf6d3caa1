import { isBaseMessage, type BaseMessage } from "@langchain/core/messages";
import type { StreamMode } from "../../shared/api";
import { wireDebugChunk, wireTask } from "./debug-payload";
import { BadRequestError } from "./errors";
import { toWireJson } from "./serialize";
import type { SseFrame } from "./sse";

export const STREAM_MODES: StreamMode[] = ["values", "updates", "debug", "tasks", "checkpoints", "messages", "messages-tuple", "custom", "events"];

type LibraryMode = "values" | "updates" | "debug" | "tasks" | "checkpoints" | "messages" | "custom";

export function parseStreamModes(value: unknown): StreamMode[] {
  if (value === undefined || value === null) return ["values"];
  const modes = Array.isArray(value) ? value : [value];
  for (const mode of modes) {
    if (typeof mode !== "string" || !STREAM_MODES.includes(mode as StreamMode)) {
      throw new BadRequestError(`stream_mode: ${JSON.stringify(mode)} is not supported (use ${STREAM_MODES.join(", ")})`);
    }
  }
  return modes.length > 0 ? [...new Set(modes as StreamMode[])] : ["values"];
}

/**
 * The LangGraph stream modes that produce what was asked for ("messages-tuple" is the library's
 * "messages"; "events" is not a library mode: LangChain's callback events carry it).
 */
export function libraryModesOf(modes: StreamMode[]): LibraryMode[] {
  const library = modes.filter((mode) => mode !== "events").map((mode): LibraryMode => (mode === "messages-tuple" ? "messages" : (mode as LibraryMode)));
  // Updates tell the server that a run paused (`__interrupt__`), and the Platform's "messages"
  // mode marks a message complete when a values chunk holds it; frames go out only if asked for.
  library.push("updates");
  if (modes.includes("messages")) library.push("values");
  return [...new Set(library)];
}

/** A subgraph's frame, named as the Platform API names it: `updates|parent:task-id|child:task-id`. */
export function withNamespace(frame: SseFrame, namespace: string[]): SseFrame {
  return { ...frame, event: `${frame.event}|${namespace.join("|")}` };
}

/** Turns LangGraph stream chunks into SSE frames of the requested modes. */
export class StreamFrames {
  private readonly partial = new Map<string, BaseMessage>();
  private readonly completed = new Set<string>();

  constructor(private readonly modes: StreamMode[]) {}

  framesOf(mode: LibraryMode, chunk: unknown): SseFrame[] {
    if (mode === "messages") return this.messageFrames(chunk as [BaseMessage, Record<string, unknown>]);
    const frames: SseFrame[] = [];
    if (this.modes.includes(mode)) frames.push({ event: mode, data: toWireJson(wireChunk(mode, chunk)) });
    // As on the Platform: the values chunk first, then the messages it completes.
    if (mode === "values" && this.modes.includes("messages")) frames.push(...this.completedMessages(chunk));
    return frames;
  }

  private messageFrames([message, metadata]: [BaseMessage, Record<string, unknown>]): SseFrame[] {
    const frames: SseFrame[] = [];
    if (this.modes.includes("messages-tuple")) frames.push({ event: "messages", data: [toWireJson(message), metadata] });
    if (!this.modes.includes("messages") || !message.id) return frames;
    const before = this.partial.get(message.id);
    if (!before) frames.push({ event: "messages/metadata", data: { [message.id]: { metadata } } });
    const merged = before && "concat" in before ? (before as unknown as { concat(other: BaseMessage): BaseMessage }).concat(message) : message;
    this.partial.set(message.id, merged);
    frames.push({ event: "messages/partial", data: [toWireJson(merged)] });
    return frames;
  }

  /** Messages of a values chunk not completed before (streamed or not, as the dev server does). */
  private completedMessages(values: unknown): SseFrame[] {
    if (!values || typeof values !== "object") return [];
    const messages = (values as { messages?: unknown }).messages;
    const fresh = (Array.isArray(messages) ? messages : [messages]).filter((item): item is BaseMessage => isBaseMessage(item) && !!item.id && !this.completed.has(item.id));
    for (const message of fresh) {
      this.completed.add(message.id!);
      this.partial.delete(message.id!);
    }
    return fresh.length > 0 ? [{ event: "messages/complete", data: fresh.map((message) => toWireJson(message)) }] : [];
  }
}

function wireChunk(mode: LibraryMode, chunk: unknown): unknown {
  if (mode === "debug") return wireDebugChunk(chunk);
  if (mode === "tasks" && chunk && typeof chunk === "object") return wireTask(chunk as Record<string, unknown>);
  return chunk;
}
