import { http, makeWorkspace, startServerProcess, type ServerProcess } from "./server-process";

/** SIGKILLs of the whole server; SWITCHYARD_SERVER_KILLS=110 for the long run. */
const KILLS = Number(process.env.SWITCHYARD_SERVER_KILLS ?? 8);
const QUESTION = { messages: [{ role: "human", content: "Use the search tool to ask the user where they are" }] };

interface Acknowledged {
  /** Threads whose POST /threads answered 200, with the metadata they were made with. */
  threads: Map<string, Record<string, unknown>>;
  /** Threads whose run to the ask_human breakpoint answered 200. */
  paused: Set<string>;
}

/** Clients that create threads and start seed flows as fast as they can, until the server dies under them. */
function keepWriting(server: ServerProcess, round: number, acked: Acknowledged): Promise<void[]> {
  const request = http(server.url);
  let n = 0;
  const creator = async () => {
    for (;;) {
      const metadata = { round, n: n++ };
      const response = await request("POST", "/threads", { metadata }).catch(() => undefined);
      if (!response) return;
      if (response.status === 200) acked.threads.set(response.json.thread_id, metadata);
    }
  };
  const runner = async () => {
    for (;;) {
      const metadata = { round, n: n++, flow: true };
      const created = await request("POST", "/threads", { metadata }).catch(() => undefined);
      if (!created) return;
      if (created.status !== 200) continue;
      const threadId = created.json.thread_id;
      acked.threads.set(threadId, metadata);
      const run = await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: QUESTION, interrupt_before: ["ask_human"] }).catch(() => undefined);
      if (!run) return;
      if (run.status === 200) acked.paused.add(threadId);
    }
  };
  return Promise.all([creator(), creator(), runner(), runner()]);
}

async function checkEverything(request: ReturnType<typeof http>, acked: Acknowledged): Promise<void> {
  const listed = new Map<string, { metadata: Record<string, unknown> }>();
  for (let offset = 0; ; offset += 1000) {
    const page = (await request("POST", "/threads/search", { limit: 1000, offset })).json as Array<{ thread_id: string; metadata: Record<string, unknown> }>;
    for (const thread of page) listed.set(thread.thread_id, thread);
    if (page.length < 1000) break;
  }
  for (const [threadId, metadata] of acked.threads) {
    const thread = listed.get(threadId);
    if (!thread) throw new Error(`thread ${threadId} (${JSON.stringify(metadata)}) was acknowledged but is not listed after the kill`);
    expect(thread.metadata).toMatchObject(metadata);
  }
  for (const threadId of acked.paused) {
    const state = await request("GET", `/threads/${threadId}/state`);
    expect(state.status).toBe(200);
    expect(state.json.next).toEqual(["ask_human"]);
  }
}

// Issue 15, item 6: the whole server SIGKILLed while clients create threads and run flows keeps every acknowledged thread.
test(
  `a server killed ${KILLS} times during thread creation and runs lists and reads every acknowledged thread after each restart`,
  async () => {
    const workspace = makeWorkspace();
    const acked: Acknowledged = { threads: new Map(), paused: new Set() };
    const startTimes: number[] = [];
    try {
      for (let round = 0; round < KILLS; round++) {
        const started = performance.now();
        const server = await startServerProcess(workspace.dir);
        const request = http(server.url);
        expect((await request("GET", "/ok")).status).toBe(200);
        startTimes.push(performance.now() - started);
        await checkEverything(request, acked);
        const writing = keepWriting(server, round, acked);
        // Kill at a random moment once the clients are going: mostly in the middle of a thread creation or a run step.
        await new Promise((done) => setTimeout(done, 100 + Math.random() * 400));
        await server.kill();
        await writing;
      }
      const last = await startServerProcess(workspace.dir);
      try {
        const request = http(last.url);
        await checkEverything(request, acked);
        // Every paused thread can still be finished.
        const threadId = [...acked.paused].at(-1);
        if (threadId) {
          const state = (await request("GET", `/threads/${threadId}/state`)).json;
          const toolCallId = state.values.messages.at(-1).tool_calls[0].id;
          expect((await request("POST", `/threads/${threadId}/state`, { values: { messages: [{ tool_call_id: toolCallId, type: "tool", content: "Lisbon" }] }, as_node: "ask_human" })).status).toBe(200);
          const final = await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null });
          expect(JSON.stringify(final.json)).toContain("current weather in Lisbon");
        }
      } finally {
        await last.stop();
      }
      const sorted = [...startTimes].sort((a, b) => a - b);
      console.log(
        `server kill test: ${KILLS} kills, ${acked.threads.size} acknowledged threads, ${acked.paused.size} acknowledged paused runs; ` +
          `start to first answer after a kill: p50 ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms, max ${Math.round(sorted.at(-1)!)} ms`,
      );
      expect(acked.threads.size).toBeGreaterThan(KILLS);
    } finally {
      workspace.remove();
    }
  },
  KILLS * 20_000 + 60_000,
);
