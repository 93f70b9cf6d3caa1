import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FileCheckpointSaver } from "../checkpoint/file-saver";
import { isPostgresUrl } from "../checkpoint/postgres-url";

export interface WorkspaceCheckpointer {
  saver: BaseCheckpointSaver;
  /** True: every checkpoint is on disk (FileCheckpointSaver) or in the database (PostgresSaver). */
  durable: boolean;
  close(): Promise<void>;
}

export class WorkspaceSettingsError extends Error {
  override name = "WorkspaceSettingsError";
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
  }
}

/**
 * The one place that chooses the checkpoint saver of a workspace's run data folder
 * (`<workspace>/.switchyard/threads/<thread_id>/`). Opening it takes the folder's lock:
 * a second server on the same workspace fails here, before it listens.
 *
 * `checkpointer` (from `serve --checkpointer`), else the workspace setting `"checkpointer"` in
 * `.switchyard/settings.json`, may name a PostgreSQL database (`postgres://...`, or
 * `env:VAR` to read the URL from the environment and keep the password out of the file):
 * then LangGraph's PostgresSaver keeps the checkpoints, for teams sharing one database.
 */
export async function openCheckpointer(dataDir: string, durability: "sync" | "async" = "sync", checkpointer?: string): Promise<WorkspaceCheckpointer> {
  const choice = checkpointer ?? workspaceCheckpointerSetting(dataDir);
  if (choice && choice !== "file") {
    // Loaded only when asked for: the file saver path never pulls in the PostgreSQL driver.
    const { openPostgresSaver } = await import("../checkpoint/postgres-saver");
    const saver = await openPostgresSaver(choice);
    return { saver, durable: true, close: () => saver.end() };
  }
  const saver = new FileCheckpointSaver(dataDir, { durability });
  return { saver, durable: true, close: async () => void (await saver.close()) };
}

/** `"checkpointer"` of `.switchyard/settings.json`: "file" (the default) or a PostgreSQL URL. */
export function workspaceCheckpointerSetting(dataDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = join(dataDir, "settings.json");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  let value: unknown;
  try {
    value = (JSON.parse(text) as Record<string, unknown> | null)?.checkpointer;
  } catch (error) {
    throw new WorkspaceSettingsError(path, `not valid JSON (${(error as Error).message})`);
  }
  if (value === undefined || value === "file") return value;
  if (typeof value !== "string") throw new WorkspaceSettingsError(path, `"checkpointer" must be "file", a postgres:// URL or "env:VAR"`);
  const url = value.startsWith("env:") ? env[value.slice(4)] : value;
  if (url === undefined) throw new WorkspaceSettingsError(path, `"checkpointer" reads ${value.slice(4)} from the environment, but it is not set`);
  if (!isPostgresUrl(url)) throw new WorkspaceSettingsError(path, `"checkpointer" must be "file", a postgres:// URL or "env:VAR"`);
  return url;
}
