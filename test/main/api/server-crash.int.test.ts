import { randomUUID } from "node:crypto";
import { http, makeWorkspace, startServerProcess, type ServerProcess } from "./server-process";

/** Kills in `npm test`; SWITCHYARD_SERVER_KILLS=100 (or more) for the long soak. */
const KILLS = Number(process.env.SWITCHYARD_SERVER_KILLS ?? 20);
const FLOW_CLIENTS = 6;
const UPDATE_CLIENTS = 4;

const SEED_INPUT = { messages: [{ role: "human", content: "Use the search tool to ask the user where they are, then look up the weather there" }] };

type Request = ReturnType<typeof http>;

/** What the server acknowledged (answered 2xx for) before it was killed: all of it must be there afterwards. */
interface Acknowledged {
  threads: Set<string>;
  /** checkpoint id -> thread id, from state updates answered 200. */
  checkpoints: Map<string, string>;
  /** message id -> thread id, from state updates answered 200. */
  messages: Map<string, string>;
}

// The whole server SIGKILLed at random moments while seed flows and concurrent state updates run:
// after every restart every acknowledged thread, checkpoint and update is there, and at the end
// every thread can be finished.
describe("the server killed at random moments under load", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  let server: ServerProcess | undefined;
  const acked: Acknowledged = { threads: new Set(), checkpoints: new Map(), messages: new Map() };
  beforeAll(() => (workspace = makeWorkspace()));
  afterAll(async () => {
    await server?.stop();
    workspace?.remove();
  });

  it(`keeps everything acknowledged across ${KILLS} kills`, { timeout: 60_000 + KILLS * 15_000 }, async () => {
    const sharedThreads: string[] = [];
    for (let round = 0; round < KILLS; round++) {
      server = await startServerProcess(workspace.dir);
      const request = http(server.url);
      await checkAcknowledged(request, acked, `after ${round} kills`);
      if (sharedThreads.length === 0) sharedThreads.push(...(await Promise.all([0, 1].map(() => pausedThread(request, acked)))));
      let stop = false;
      const clients = [
        ...Array.from({ length: FLOW_CLIENTS }, () => flowClient(request, acked, () => stop)),
        ...Array.from({ length: UPDATE_CLIENTS }, (_, index) => updateClient(request, acked, sharedThreads[index % sharedThreads.length], () => stop)),
      ];
      await sleep(100 + Math.random() * 900);
      await server.kill();
      stop = true;
      await Promise.all(clients);
      server = undefined;
    }
    server = await startServerProcess(workspace.dir);
    const request = http(server.url);
    await checkAcknowledged(request, acked, `after all ${KILLS} kills`);
    for (const threadId of acked.threads) await finish(request, threadId);
    console.log(`server crash harness: ${KILLS} kills, ${acked.threads.size} threads, ${acked.checkpoints.size} acknowledged updates, all there and all finished`);
  });
});

async function checkAcknowledged(request: Request, acked: Acknowledged, when: string) {
  for (const threadId of acked.threads) {
    const thread = await request("GET", `/threads/${threadId}`);
    expect(thread.status, `${when}: acknowledged thread ${threadId} is gone (${thread.text.slice(0, 200)})`).toBe(200);
  }
  for (const [checkpointId, threadId] of acked.checkpoints) {
    const state = await request("GET", `/threads/${threadId}/state/${checkpointId}`);
    expect(state.status, `${when}: acknowledged checkpoint ${checkpointId} of ${threadId}: ${state.text.slice(0, 200)}`).toBe(200);
  }
  const byThread = new Map<string, string[]>();
  for (const [messageId, threadId] of acked.messages) byThread.set(threadId, [...(byThread.get(threadId) ?? []), messageId]);
  for (const [threadId, messageIds] of byThread) {
    const state = await request("GET", `/threads/${threadId}/state`);
    expect(state.status, `${when}: state of ${threadId}: ${state.text.slice(0, 200)}`).toBe(200);
    const present = new Set((state.json.values.messages ?? []).map((message: { id?: string }) => message.id));
    const lost = messageIds.filter((id) => !present.has(id));
    expect(lost, `${when}: acknowledged updates missing from the latest state of ${threadId}`).toEqual([]);
  }
}

/** One seed flow after another: create, run to the pause, answer as ask_human, resume to the end. */
async function flowClient(request: Request, acked: Acknowledged, stopped: () => boolean) {
  while (!stopped()) {
    try {
      const threadId = await pausedThread(request, acked);
      await answer(request, acked, threadId);
      await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null });
    } catch {
      return; // the server was killed mid-request: that request was never acknowledged
    }
  }
}

/** Human messages added to a shared thread as fast as the server takes them. */
async function updateClient(request: Request, acked: Acknowledged, threadId: string, stopped: () => boolean) {
  while (!stopped()) {
    try {
      const id = randomUUID();
      const response = await request("POST", `/threads/${threadId}/state`, { values: { messages: [{ type: "human", id, content: `note ${id}` }] } });
      if (response.status === 200) record(acked, threadId, response.json.checkpoint.checkpoint_id, id);
      else if (response.status !== 409) throw new Error(`update answered ${response.status}: ${response.text.slice(0, 200)}`);
    } catch (error) {
      if (String(error).includes("answered")) throw error;
      return;
    }
  }
}

async function pausedThread(request: Request, acked: Acknowledged): Promise<string> {
  const created = await request("POST", "/threads", {});
  if (created.status !== 200) throw new Error(`create answered ${created.status}`);
  acked.threads.add(created.json.thread_id);
  await request("POST", `/threads/${created.json.thread_id}/runs/wait`, { assistant_id: "agent", input: SEED_INPUT });
  return created.json.thread_id;
}

async function answer(request: Request, acked: Acknowledged, threadId: string) {
  const state = (await request("GET", `/threads/${threadId}/state`)).json;
  const toolCallId = state.values.messages.at(-1).tool_calls[0].id;
  const id = randomUUID();
  const response = await request("POST", `/threads/${threadId}/state`, { values: { messages: [{ type: "tool", id, tool_call_id: toolCallId, content: "Lisbon" }] }, as_node: "ask_human" });
  if (response.status !== 200) throw new Error(`answer answered ${response.status}: ${response.text.slice(0, 200)}`);
  record(acked, threadId, response.json.checkpoint.checkpoint_id, id);
}

function record(acked: Acknowledged, threadId: string, checkpointId: string, messageId: string) {
  acked.checkpoints.set(checkpointId, threadId);
  acked.messages.set(messageId, threadId);
}

/** Takes a thread wherever the kills left it to the end of the seed flow. */
async function finish(request: Request, threadId: string) {
  for (let step = 0; step < 6; step++) {
    const state = (await request("GET", `/threads/${threadId}/state`)).json;
    const messages = state.values.messages ?? [];
    if (messages.length === 0) {
      await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: SEED_INPUT });
      continue;
    }
    if (state.next.length === 0 && !(messages.at(-1).tool_calls?.length > 0)) return;
    if (state.next.includes("ask_human")) await answer(request, { threads: new Set(), checkpoints: new Map(), messages: new Map() }, threadId);
    const resumed = await request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null });
    expect(resumed.status, `resuming ${threadId}: ${resumed.text.slice(0, 200)}`).toBe(200);
  }
  throw new Error(`thread ${threadId} could not be finished`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
