/** One server-sent event as the LangGraph Platform API writes it: event, data, then id. */
export interface SseFrame {
  event: string;
  data: unknown;
  id?: string;
}

export interface SseWriter {
  send(frame: SseFrame): void;
  close(): void;
}

export const HEARTBEAT_MS = 10_000;

const encoder = new TextEncoder();

export function formatFrame(frame: SseFrame): string {
  const id = frame.id === undefined ? "" : `id: ${frame.id}\n`;
  return `event: ${frame.event}\ndata: ${JSON.stringify(frame.data ?? null)}\n${id}\n`;
}

/**
 * A `text/event-stream` response. `start` gets a writer; `onDisconnect` runs when the client goes
 * away before the writer closed. A comment line goes out as a heartbeat after a silence, so
 * proxies and the SDK's idle watchdog know the connection is alive.
 */
export function sseResponse(
  start: (writer: SseWriter) => void,
  options: { headers?: Record<string, string>; onDisconnect?: () => void; heartbeatMs?: number } = {},
): Response {
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  let lastWrite = Date.now();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        lastWrite = Date.now();
        controller.enqueue(encoder.encode(text));
      };
      const writer: SseWriter = {
        send: (frame) => write(formatFrame(frame)),
        close: () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          controller.close();
        },
      };
      const every = options.heartbeatMs ?? HEARTBEAT_MS;
      heartbeat = setInterval(() => {
        if (Date.now() - lastWrite >= every) write(": heartbeat\n\n");
      }, every);
      heartbeat.unref?.();
      start(writer);
    },
    cancel() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      options.onDisconnect?.();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
      ...options.headers,
    },
  });
}
