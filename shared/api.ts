/**
 * Wire types of Switchyard's HTTP API. The LangGraph part matches the LangGraph Platform API
 * (same names, same snake_case fields) so the official SDKs and Switchyard's renderer share them.
 */
import type { GraphDoc } from "./graph-doc";
import type { Problem } from "./problem";

export type ThreadStatus = "idle" | "busy" | "interrupted" | "error";
export type RunStatus = "pending" | "running" | "error" | "success" | "timeout" | "interrupted";
export type MultitaskStrategy = "reject" | "interrupt" | "rollback" | "enqueue";
export type StreamMode = "values" | "updates" | "debug" | "tasks" | "checkpoints" | "messages" | "messages-tuple" | "custom" | "events";
export type Metadata = Record<string, unknown>;

export interface Interrupt {
  value: unknown;
  id: string;
}

export interface Thread {
  thread_id: string;
  created_at: string;
  updated_at: string;
  metadata: Metadata;
  status: ThreadStatus;
  config: Record<string, unknown>;
  values?: Record<string, unknown> | null;
  /** Pending interrupts by task id (empty list for a static breakpoint). */
  interrupts?: Record<string, Interrupt[]>;
}

export interface CheckpointRef {
  thread_id: string;
  checkpoint_id: string;
  checkpoint_ns: string;
  checkpoint_map?: Record<string, unknown> | null;
}

export interface ThreadTask {
  id: string;
  name: string;
  error: string | null;
  interrupts: Interrupt[];
  path?: unknown[];
  /** Where a subgraph task's own state lives (`checkpoint_ns` "<node>:<task id>"); null for plain nodes. */
  checkpoint: (Pick<CheckpointRef, "thread_id" | "checkpoint_ns"> & Partial<CheckpointRef>) | null;
  state: ThreadState | null;
  result: unknown;
}

export interface ThreadState {
  values: Record<string, unknown>;
  next: string[];
  tasks: ThreadTask[];
  metadata: Metadata;
  created_at: string | null;
  checkpoint: CheckpointRef;
  parent_checkpoint: CheckpointRef | null;
  interrupts?: Interrupt[];
}

export interface Run {
  run_id: string;
  thread_id: string;
  assistant_id: string;
  created_at: string;
  updated_at: string;
  status: RunStatus;
  metadata: Metadata;
  kwargs: Record<string, unknown>;
  multitask_strategy: MultitaskStrategy;
}

export interface Assistant {
  assistant_id: string;
  graph_id: string;
  name: string;
  description: string | null;
  version: number;
  config: Record<string, unknown>;
  context: Record<string, unknown>;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

/** One version of an assistant, as `POST /assistants/{id}/versions` lists them (newest first). */
export interface AssistantVersion {
  assistant_id: string;
  graph_id: string;
  version: number;
  config: Record<string, unknown>;
  context: Record<string, unknown>;
  metadata: Metadata;
  name: string;
  description: string | null;
  created_at: string;
}

/** A message as LangGraph's JSON shows it (not LangChain's `lc` constructor form). */
export interface WireMessage {
  type: string;
  content: unknown;
  id?: string;
  name?: string;
  tool_calls?: Array<{ name: string; args: Record<string, unknown>; id?: string }>;
  tool_call_id?: string;
  additional_kwargs: Record<string, unknown>;
  response_metadata: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ErrorBody {
  detail: string;
  problems?: Problem[];
}

// ---- /switchyard/* editor routes ----

export interface WorkspaceGraphInfo {
  name: string;
  file: string;
  valid: boolean;
  problems: Problem[];
  /**
   * Absent (or "document"): a `NAME.graph.json` the editor can change. "code": a graph of a LangGraph.js
   * project (`serve --config langgraph.json`), drawn read-only from `GET /assistants/{name}/graph?xray=true`.
   */
  source?: "document" | "code";
  /** Code graphs only: the module and export, as langgraph.json names them. */
  code?: CodeGraphInfo;
}

export interface CodeGraphInfo {
  /** The module's path relative to the project folder, e.g. "src/agent.ts". */
  file: string;
  /** Absolute path of the module. */
  path: string;
  /** The export, e.g. "graph" ("default" when langgraph.json names none). */
  export: string;
  /** The spec as written in langgraph.json, e.g. "./src/agent.ts:graph". */
  spec: string;
  /** "compiled" (a compiled graph or StateGraph) or "factory" (a function of the run's config); absent while the module is broken. */
  kind?: "compiled" | "factory";
  /** Which load of the project this is (grows with every reload on a source change). */
  version: number;
  loaded_at: string;
  /** Why the module could not be loaded, with the file and line when known. */
  error?: { message: string; file: string; line?: number; column?: number };
}

export interface WorkspaceInfo {
  name: string;
  path: string;
  graphs: WorkspaceGraphInfo[];
  /** Present when the server serves a LangGraph.js project (`serve --config`): its langgraph.json. */
  project?: { config_file: string; dir: string; warnings: string[] };
}

export interface GraphFileResponse {
  name: string;
  doc: GraphDoc | null;
  text: string;
  problems: Problem[];
  hash: string;
}

export interface GraphSaveRequest {
  doc: GraphDoc;
  baseHash?: string;
}

export interface GraphSaveResponse {
  hash: string;
  problems: Problem[];
}

export type WorkspaceEvent =
  | { event: "graph-changed"; data: { name: string; hash: string } }
  | { event: "graph-added"; data: { name: string; hash: string } }
  | { event: "graph-deleted"; data: { name: string } }
  /** A graph's tests file (NAME.tests.json) was written, created or deleted (`hash` null). */
  | { event: "tests-changed"; data: { name: string; hash: string | null } }
  /** A code project reloaded after a source change; `error` is set for a graph that now fails to load. */
  | { event: "code-graph-reloaded"; data: { name: string; version: number; error?: CodeGraphInfo["error"] } }
  /** The workspace's mcp.json was written, created or deleted (`hash` null): its servers restart on next use. */
  | { event: "mcp-changed"; data: { hash: string | null } };
