import type { BaseCheckpointSaver } from "@langchain/langgraph";

const RUN_KEYS = ["graph_id", "assistant_id", "run_id"] as const;

/**
 * LangGraph.js does not copy a run's configurable keys into checkpoint metadata (the Platform
 * server does), so history could not say which run and graph made a checkpoint. This wraps a
 * saver so every checkpoint carries `graph_id`, `assistant_id` and `run_id`, as in the samples;
 * rollback finds a run's checkpoints by `run_id`.
 */
export function withRunMetadata(saver: BaseCheckpointSaver): BaseCheckpointSaver {
  return new Proxy(saver, {
    get(target, property) {
      if (property === "put") {
        return (config: { configurable?: Record<string, unknown> }, checkpoint: unknown, metadata: Record<string, unknown>, versions: unknown) => {
          const runKeys = Object.fromEntries(RUN_KEYS.filter((key) => config.configurable?.[key] !== undefined).map((key) => [key, config.configurable![key]]));
          return target.put(config as never, checkpoint as never, { ...runKeys, ...metadata } as never, versions as never);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
