/** A message as a model request or response holds it, provider-neutral (LangChain's message fields that reach the provider). */
export interface RecordedMessage {
  role: string;
  content: unknown;
  tool_calls?: Array<{ id?: string; name: string; args: unknown }>;
  tool_call_id?: string;
  name?: string;
}

/** The request as sent to the provider: what decides its answer (message ids and timestamps left out). */
export interface ModelRequest {
  provider: string;
  model?: string;
  baseUrl?: string;
  temperature?: number;
  maxTokens?: number;
  tools: unknown[];
  messages: RecordedMessage[];
}

export interface ModelResponse {
  message: RecordedMessage & { usage_metadata?: TokenUsage; response_metadata?: Record<string, unknown> };
  /** The streamed tokens, in order (empty when the call did not stream). */
  tokens: string[];
}

export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
}

/** Where a call happened: the thread and run, the node task and its step. */
export interface CallPlace {
  thread_id?: string;
  run_id?: string;
  node: string;
  step?: number;
  /** LangGraph's task namespace (`node:task-id`), when the call ran inside a task. */
  task?: string;
}

export interface RecordedModelCall extends CallPlace {
  kind: "model";
  id: string;
  at: string;
  latency_ms: number;
  /** sha256 of the request's stable JSON: equal requests, equal keys. */
  key: string;
  request: ModelRequest;
  response?: ModelResponse;
  usage?: TokenUsage;
  error?: string;
  /** Served from a recording, without a provider call. */
  replayed: boolean;
}

export interface RecordedToolCall extends CallPlace {
  kind: "tool";
  id: string;
  at: string;
  latency_ms: number;
  tool: string;
  args: unknown;
  result?: unknown;
  error?: string;
}

export type RecordedCall = RecordedModelCall | RecordedToolCall;

/** GET /switchyard/threads/{id}/calls */
export interface RecordedCallsResponse {
  thread_id: string;
  calls: RecordedCall[];
  /** The workspace's recording bound, and what its recordings use now. */
  limit_bytes: number;
  used_bytes: number;
}

/**
 * A `custom` stream frame a Switchyard run sends (when the custom mode is asked for): a model call
 * served from the recording, the first call a replaying run sent to the provider, a pinned node.
 */
export interface RunCallMark {
  switchyard: "replayed" | "live" | "pinned";
  node: string;
  call_id?: string;
}

export function isRunCallMark(data: unknown): data is RunCallMark {
  const mark = data as Partial<RunCallMark> | null;
  return !!mark && typeof mark === "object" && (mark.switchyard === "replayed" || mark.switchyard === "live" || mark.switchyard === "pinned") && typeof mark.node === "string";
}

/** A node's pinned output: the update it returns instead of running, and where it was taken from. */
export interface Pin {
  update: Record<string, unknown>;
  from?: { thread_id: string; checkpoint_id: string };
  pinned_at: string;
}

/** GET /switchyard/graphs/{name}/pins */
export interface PinsResponse {
  graph: string;
  pins: Record<string, Pin>;
}

/** POST /switchyard/threads/{id}/run-node */
export interface RunNodeResponse {
  node: string;
  update: unknown;
  calls: RecordedCall[];
}

/** GET and PUT /switchyard/recorded-calls/limit */
export interface RecordingLimit {
  limit_bytes: number;
  used_bytes: number;
}
