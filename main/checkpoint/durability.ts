import type { RunnableConfig } from "@langchain/core/runnables";

/**
 * When a write reaches the disk, in LangGraph's words:
 * - "sync": fsync before put/putWrites resolves; a resolved checkpoint survives power loss.
 * - "async": the write is handed to the OS before resolving (it survives the process
 *   being killed) and fsynced in the background right after.
 * - "exit": handed to the OS before resolving; fsynced only by close().
 */
export type Durability = "sync" | "async" | "exit";

const MODES: ReadonlySet<string> = new Set(["sync", "async", "exit"]);

// LangGraph passes `durability` through to the saver's config only when the caller set
// it on the run (graph.invoke(input, { durability: "sync" })); otherwise the saver's
// own default applies.
export function durabilityOf(config: RunnableConfig, fallback: Durability): Durability {
  const requested = (config as { durability?: unknown }).durability;
  return typeof requested === "string" && MODES.has(requested) ? (requested as Durability) : fallback;
}
