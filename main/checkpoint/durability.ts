import type { RunnableConfig } from "@langchain/core/runnables";

/**
 * When a write reaches the disk, in LangGraph's words:
 * - "sync": fsync before put/putWrites resolves; a resolved checkpoint survives power loss.
 * - "async": the write is handed to the OS before resolving (it survives the process
 *   being killed) and fsynced by a group commit at most ASYNC_FSYNC_DELAY_MS later: one
 *   fsync for every append of that window, so a power cut loses at most that window.
 * - "exit": handed to the OS before resolving; fsynced only by close().
 */
export type Durability = "sync" | "async" | "exit";

/**
 * The bounded delay of "async" durability: an append is fsynced at most this long after it
 * was written (plus the fsync itself), and a busy log pays at most one fsync per window.
 * 20 ms is well under what a person notices and covers many LangGraph steps (a step of a
 * small graph takes about a millisecond), so the fsync is no longer paid per step.
 */
export const ASYNC_FSYNC_DELAY_MS = 20;

const MODES: ReadonlySet<string> = new Set(["sync", "async", "exit"]);

// LangGraph passes `durability` through to the saver's config only when the caller set
// it on the run (graph.invoke(input, { durability: "sync" })); otherwise the saver's
// own default applies.
export function durabilityOf(config: RunnableConfig, fallback: Durability): Durability {
  const requested = (config as { durability?: unknown }).durability;
  return typeof requested === "string" && MODES.has(requested) ? (requested as Durability) : fallback;
}
