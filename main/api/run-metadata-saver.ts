import type { BaseCheckpointSaver } from "@langchain/langgraph";

const RUN_KEYS = ["graph_id", "assistant_id", "run_id"] as const;

export type ServerSaver = BaseCheckpointSaver & {
  /** Resolves when no checkpoint write of the thread is in flight (a cancelled run's last puts land late). */
  settled(threadId: string): Promise<void>;
  /** Takes checkpoints back (a rolled-back run's); only savers that can (FileCheckpointSaver) have it. */
  deleteCheckpoints?(threadId: string, checkpoints: Array<{ ns: string; id: string }>): Promise<void>;
};

/**
 * Wraps the workspace's saver for the server:
 * - LangGraph.js does not copy a run's configurable keys into checkpoint metadata (the Platform
 *   server does), so every checkpoint gets `graph_id`, `assistant_id` and `run_id` here, as in
 *   the samples; history shows them and rollback finds a run's checkpoints by `run_id`. A run's
 *   own `metadata` (the config's) is copied too, as the Platform server does, so
 *   `history({metadata})` finds the checkpoints a run made.
 * - It counts writes in flight per thread, so rollback can wait for a cancelled run's last ones.
 */
export function withRunMetadata(saver: BaseCheckpointSaver): ServerSaver {
  const inFlight = new Map<string, Set<Promise<unknown>>>();
  const track = <T>(config: { configurable?: Record<string, unknown> }, promise: Promise<T>): Promise<T> => {
    const threadId = String(config.configurable?.thread_id ?? "");
    const pending = inFlight.get(threadId) ?? new Set();
    inFlight.set(threadId, pending);
    pending.add(promise);
    const forget = () => {
      pending.delete(promise);
      if (pending.size === 0) inFlight.delete(threadId);
    };
    promise.then(forget, forget);
    return promise;
  };
  const settled = async (threadId: string) => {
    // LangGraph chains a run's puts one after another, so look again until two quiet turns pass.
    for (let quiet = 0; quiet < 2; ) {
      const pending = inFlight.get(threadId);
      if (pending?.size) {
        quiet = 0;
        await Promise.allSettled([...pending]);
      } else {
        quiet++;
        await new Promise((done) => setImmediate(done));
      }
    }
  };
  return new Proxy(saver, {
    get(target, property) {
      if (property === "settled") return settled;
      if (property === "put") {
        return (config: { configurable?: Record<string, unknown>; metadata?: Record<string, unknown> }, checkpoint: unknown, metadata: Record<string, unknown>, versions: unknown) => {
          const runKeys = Object.fromEntries(RUN_KEYS.filter((key) => config.configurable?.[key] !== undefined).map((key) => [key, config.configurable![key]]));
          return track(config, target.put(config as never, checkpoint as never, { ...runKeys, ...config.metadata, ...metadata } as never, versions as never));
        };
      }
      if (property === "putWrites") {
        return (config: { configurable?: Record<string, unknown> }, ...rest: unknown[]) => track(config, (target.putWrites as (...args: unknown[]) => Promise<void>)(config, ...rest));
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as ServerSaver;
}
