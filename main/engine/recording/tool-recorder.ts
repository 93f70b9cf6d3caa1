import { randomUUID } from "node:crypto";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import type { Serialized } from "@langchain/core/load/serializable";
import type { RecordedToolCall } from "../../../shared/recorded-calls";
import { redactSecrets } from "./redact";

interface OpenToolCall {
  started: number;
  tool: string;
  args: unknown;
  node: string;
  step?: number;
  task?: string;
}

/**
 * Writes down each tool call of a run (its node, args, result or error) from LangChain's callbacks,
 * which every tool (LangGraph's ToolNode's included) reports to, whatever runs it.
 */
export class ToolCallRecorder extends BaseCallbackHandler {
  name = "switchyard-tool-recorder";
  private readonly open = new Map<string, OpenToolCall>();

  constructor(private readonly secrets: string[], private readonly onToolCall: (call: RecordedToolCall) => void) {
    super();
  }

  override handleToolStart(tool: Serialized, input: string, runId: string, _parentRunId?: string, _tags?: string[], metadata?: Record<string, unknown>, runName?: string): void {
    const node = typeof metadata?.langgraph_node === "string" ? metadata.langgraph_node : "?";
    const step = typeof metadata?.langgraph_step === "number" ? metadata.langgraph_step : undefined;
    const task = typeof metadata?.langgraph_checkpoint_ns === "string" && metadata.langgraph_checkpoint_ns ? metadata.langgraph_checkpoint_ns : undefined;
    const name = runName ?? (tool as { name?: string }).name ?? tool.id?.at(-1) ?? "tool";
    this.open.set(runId, { started: Date.now(), tool: name, args: parsed(input), node, ...(step !== undefined ? { step } : {}), ...(task ? { task } : {}) });
  }

  override handleToolEnd(output: unknown, runId: string): void {
    this.close(runId, { result: contentOf(output) });
  }

  override handleToolError(error: unknown, runId: string): void {
    this.close(runId, { error: (error as Error)?.message ?? String(error) });
  }

  private close(runId: string, outcome: { result?: unknown; error?: string }): void {
    const call = this.open.get(runId);
    if (!call) return;
    this.open.delete(runId);
    const { started, ...place } = call;
    this.onToolCall(redactSecrets({ kind: "tool", id: randomUUID(), ...place, at: new Date(started).toISOString(), latency_ms: Date.now() - started, ...outcome }, this.secrets));
  }
}

function parsed(input: string): unknown {
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

/** A tool's output is a ToolMessage (its content is the result) or the plain value. */
function contentOf(output: unknown): unknown {
  if (output && typeof output === "object" && "content" in output) return (output as { content: unknown }).content;
  return output;
}
