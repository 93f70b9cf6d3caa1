/** The load `npm run bench:server` puts on a LangGraph Platform API server: the seed flow over plain HTTP. */

const QUESTION = "Use the search tool to ask the user where they are, then look up the weather there";

export interface FlowResult {
  ok: boolean;
  totalMs: number;
  stateMs: number;
  firstFrameMs: number[];
  error?: string;
}

async function json(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${base}${path}`, { method, headers: body === undefined ? {} : { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Streams a run; returns the time to the first SSE frame and the data of every non-metadata frame. */
async function stream(base: string, path: string, body: unknown): Promise<{ firstFrameMs: number; chunks: any[] }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok || !response.body) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  let firstFrameMs = -1;
  let text = "";
  const decoder = new TextDecoder();
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(bytes, { stream: true });
    if (firstFrameMs < 0 && text.includes("\n\n")) firstFrameMs = performance.now() - started;
  }
  const chunks = text
    .replace(/\r/g, "")
    .split("\n\n")
    .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1], data: /^data: (.*)$/m.exec(block)?.[1] }))
    .filter((frame) => frame.event && frame.event !== "metadata" && frame.data)
    .map((frame) => JSON.parse(frame.data!));
  return { firstFrameMs, chunks };
}

/** One whole seed flow on a new thread: ask, pause before ask_human, answer as ask_human, finish. */
export async function seedFlow(base: string): Promise<FlowResult> {
  const started = performance.now();
  try {
    const thread = await json(base, "POST", "/threads", {});
    const id = thread.thread_id;
    const first = await stream(base, `/threads/${id}/runs/stream`, { assistant_id: "agent", input: { messages: [{ role: "human", content: QUESTION }] }, interrupt_before: ["ask_human"], stream_mode: ["updates"] });
    const stateStarted = performance.now();
    const state = await json(base, "GET", `/threads/${id}/state`);
    const stateMs = performance.now() - stateStarted;
    const toolCallId = state.values.messages.at(-1).tool_calls[0].id;
    await json(base, "POST", `/threads/${id}/state`, { values: { messages: [{ tool_call_id: toolCallId, type: "tool", content: "san francisco" }] }, as_node: "ask_human" });
    const second = await stream(base, `/threads/${id}/runs/stream`, { assistant_id: "agent", input: null, stream_mode: ["updates"] });
    const final = second.chunks.at(-1)?.agent?.messages?.[0]?.content ?? "";
    const ok = first.chunks.length === 2 && second.chunks.length === 3 && String(final).includes("sunny in San Francisco");
    return { ok, totalMs: performance.now() - started, stateMs, firstFrameMs: [first.firstFrameMs, second.firstFrameMs], ...(ok ? {} : { error: `unexpected chunks: ${JSON.stringify(second.chunks).slice(0, 300)}` }) };
  } catch (error) {
    return { ok: false, totalMs: performance.now() - started, stateMs: 0, firstFrameMs: [], error: (error as Error).message };
  }
}

export interface LoadResult {
  flows: number;
  failed: number;
  seconds: number;
  flowsPerSecond: number;
  stateP50: number;
  stateP95: number;
  firstFrameP50: number;
  firstFrameP95: number;
  firstError?: string;
}

/** `clients` loops, each running `flowsEach` flows back to back. */
export async function runLoad(base: string, clients: number, flowsEach: number): Promise<LoadResult> {
  const started = performance.now();
  const results = (
    await Promise.all(
      Array.from({ length: clients }, async () => {
        const mine: FlowResult[] = [];
        for (let i = 0; i < flowsEach; i++) mine.push(await seedFlow(base));
        return mine;
      }),
    )
  ).flat();
  const seconds = (performance.now() - started) / 1000;
  const good = results.filter((result) => result.ok);
  return {
    flows: results.length,
    failed: results.length - good.length,
    seconds,
    flowsPerSecond: good.length / seconds,
    stateP50: percentile(good.map((r) => r.stateMs), 50),
    stateP95: percentile(good.map((r) => r.stateMs), 95),
    firstFrameP50: percentile(good.flatMap((r) => r.firstFrameMs), 50),
    firstFrameP95: percentile(good.flatMap((r) => r.firstFrameMs), 95),
    firstError: results.find((result) => !result.ok)?.error,
  };
}

/** Median time of one flow with nothing else going on. */
export async function singleFlowMs(base: string, times: number): Promise<number> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const result = await seedFlow(base);
    if (!result.ok) throw new Error(`single flow failed: ${result.error}`);
    durations.push(result.totalMs);
  }
  return percentile(durations, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
