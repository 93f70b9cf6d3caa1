import { apiBase } from "./request";

export type WorkspaceEventType = "graph-changed" | "graph-added" | "graph-deleted" | "code-graph-reloaded" | "tests-changed";
export interface WorkspaceEvent {
  type: WorkspaceEventType;
  name: string;
  /** The file's hash now; absent when the file is gone. */
  hash?: string;
}

/** Subscribes to the server's file events (SSE); EventSource reconnects by itself. Returns the unsubscribe. */
export function subscribeWorkspaceEvents(onEvent: (event: WorkspaceEvent) => void, onOpen?: () => void): () => void {
  const source = new EventSource(`${apiBase()}/switchyard/events`);
  const types: WorkspaceEventType[] = ["graph-changed", "graph-added", "graph-deleted", "code-graph-reloaded", "tests-changed"];
  const listeners = types.map((type) => {
    const listener = (message: MessageEvent<string>) => {
      try {
        const data = JSON.parse(message.data) as { name: string; hash?: string | null };
        onEvent({ type, name: data.name, hash: data.hash ?? undefined });
      } catch {}
    };
    source.addEventListener(type, listener);
    return [type, listener] as const;
  });
  if (onOpen) source.addEventListener("open", onOpen);
  return () => {
    for (const [type, listener] of listeners) source.removeEventListener(type, listener);
    source.close();
  };
}
