import { checkpointRefOf } from "./state-view";

type ConfigLike = { configurable?: Record<string, unknown>; [key: string]: unknown };

function isConfig(value: unknown): value is ConfigLike {
  return typeof value === "object" && value !== null && typeof (value as ConfigLike).configurable === "object" && (value as ConfigLike).configurable !== null;
}

function refOf(config: unknown) {
  if (!isConfig(config)) return null;
  return checkpointRefOf(config, String(config.configurable?.thread_id ?? ""));
}

/** Configurable keys LangGraph uses internally (`__pregel_*`), which never go on the wire. */
function withoutInternalKeys(config: unknown): unknown {
  if (!isConfig(config)) return config;
  const { callbacks: _callbacks, ...rest } = config;
  return { ...rest, configurable: Object.fromEntries(Object.entries(config.configurable ?? {}).filter(([key]) => !key.startsWith("__"))) };
}

/**
 * A task of a debug or tasks frame: a subgraph task's `state` is the subgraph's config, which the
 * Platform API shows as `checkpoint: {thread_id, checkpoint_ns}` (where to read the subgraph's state).
 */
export function wireTask(task: Record<string, unknown>): Record<string, unknown> {
  if (!isConfig(task.state)) return task;
  const { state: _state, ...rest } = task;
  const configurable = task.state.configurable ?? {};
  return { ...rest, checkpoint: { thread_id: configurable.thread_id, checkpoint_ns: configurable.checkpoint_ns ?? "" } };
}

/**
 * A `debug` frame's checkpoint payload as the Platform API sends it: `checkpoint` and
 * `parent_checkpoint` refs (the same shape history answers), `parent_config` in snake case,
 * and no internal configurable keys.
 */
export function wireDebugChunk(chunk: unknown): unknown {
  if (!chunk || typeof chunk !== "object") return chunk;
  const { type, payload } = chunk as { type?: string; payload?: Record<string, unknown> };
  if (!payload || typeof payload !== "object") return chunk;
  if (type === "task_result") return { ...chunk, payload: wireTask(payload) };
  if (type !== "checkpoint") return chunk;
  const { parentConfig, ...rest } = payload;
  const tasks = Array.isArray(payload.tasks) ? payload.tasks.map((task) => wireTask(task as Record<string, unknown>)) : payload.tasks;
  return {
    ...chunk,
    payload: {
      ...rest,
      config: withoutInternalKeys(payload.config),
      parent_config: withoutInternalKeys(parentConfig),
      checkpoint: refOf(payload.config),
      parent_checkpoint: refOf(parentConfig),
      tasks,
    },
  };
}
