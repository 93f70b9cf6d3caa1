import type { BaseMessage } from "@langchain/core/messages";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openPostgresSaver } from "../../../main/checkpoint/postgres-saver";
import { compileGraphDoc } from "../../../main/engine";
import { openCheckpointer } from "../../../main/workspace/checkpointer";
import { testPostgres } from "../../helpers/postgres";
import { loadSeedDoc, SEED_QUESTION, SUNNY } from "../../helpers/seed";
import { http, makeWorkspace, parseSse, startServerProcess } from "../api/server-process";

type Update = Record<string, { messages?: BaseMessage[] }>;
const postgres = testPostgres("postgres-seed-flow.int.test.ts");

async function collect(stream: AsyncIterable<unknown>): Promise<Update[]> {
  const chunks: Update[] = [];
  for await (const chunk of stream) chunks.push(chunk as Update);
  return chunks;
}

/** The seed's HTTP calls: start, pause before ask_human, answer as ask_human; returns the thread id. */
async function pausedSeedThread(request: ReturnType<typeof http>): Promise<string> {
  const { json: thread } = await request("POST", "/threads", {});
  const first = await request("POST", `/threads/${thread.thread_id}/runs/stream`, {
    assistant_id: "agent",
    input: { messages: [{ role: "human", content: SEED_QUESTION }] },
    interrupt_before: ["ask_human"],
    stream_mode: ["updates"],
  });
  expect(parseSse(first.text).slice(1).map((event) => Object.keys(event.data as object)[0])).toEqual(["agent", "__interrupt__"]);
  const state = await request("GET", `/threads/${thread.thread_id}/state`);
  const toolCallId = state.json.values.messages.at(-1).tool_calls[0].id;
  const update = await request("POST", `/threads/${thread.thread_id}/state`, { values: { messages: [{ tool_call_id: toolCallId, type: "tool", content: "san francisco" }] }, as_node: "ask_human" });
  expect(update.status).toBe(200);
  return thread.thread_id;
}

/** Spawns PostgreSQL (through the helper) and `switchyard serve` processes. */
describe.skipIf(!postgres.url)(`the seed flow on Postgres checkpoints${postgres.skipReason ? ` (skipped: ${postgres.skipReason})` : ""}`, () => {
  const url = postgres.url!;
  afterAll(() => postgres.stop?.());

  it("runs through the engine, pauses before ask_human, resumes as ask_human, and reads back after a reconnect", async () => {
    const doc = loadSeedDoc();
    const config = { configurable: { thread_id: `engine-${Date.now()}` } };
    let saver = await openPostgresSaver(url);
    let graph = compileGraphDoc(doc, { checkpointer: saver });
    const first = await collect(await graph.stream({ messages: [{ role: "human", content: SEED_QUESTION }] }, { ...config, streamMode: "updates" }));
    expect(first.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "__interrupt__"]);
    const callId = (first[0].agent.messages!.at(-1) as { tool_calls?: Array<{ id: string }> }).tool_calls![0].id;
    await saver.end();

    // A new connection (as after a restart) finds the paused thread and continues it.
    saver = await openPostgresSaver(url);
    graph = compileGraphDoc(doc, { checkpointer: saver });
    expect((await graph.getState(config)).next).toEqual(["ask_human"]);
    await graph.updateState(config, { messages: [{ tool_call_id: callId, type: "tool", content: "san francisco" }] }, "ask_human");
    const second = await collect(await graph.stream(null, { ...config, streamMode: "updates" }));
    expect(second.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "action", "agent"]);
    expect(String(second[1].action.messages!.at(-1)!.content)).toContain(SUNNY);
    const final = await graph.getState(config);
    expect(final.next).toEqual([]);
    expect((final.values.messages as BaseMessage[]).length).toBe(6);
    const history = [];
    for await (const snapshot of graph.getStateHistory(config)) history.push(snapshot);
    expect(history.length).toBeGreaterThanOrEqual(6);
    await saver.end();
  });

  it("is chosen by the workspace setting, including a URL read from the environment", async () => {
    const workspace = makeWorkspace();
    try {
      const dataDir = join(workspace.dir, ".switchyard");
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, "settings.json"), JSON.stringify({ checkpointer: "env:SWITCHYARD_TEST_POSTGRES_URL" }));
      process.env.SWITCHYARD_TEST_POSTGRES_URL ??= url;
      const checkpointer = await openCheckpointer(dataDir);
      expect(checkpointer.saver.constructor.name).toBe("PostgresSaver");
      await checkpointer.close();
    } finally {
      workspace.remove();
    }
  });

  it("serves the seed flow with `switchyard serve --checkpointer postgres://...` and keeps it across a restart", async () => {
    const workspace = makeWorkspace();
    let server = await startServerProcess(workspace.dir, ["--checkpointer", url]);
    try {
      const threadId = await pausedSeedThread(http(server.url));
      await server.stop();

      server = await startServerProcess(workspace.dir, ["--checkpointer", url]);
      const request = http(server.url);
      expect((await request("GET", `/threads/${threadId}/state`)).json.next).toEqual(["agent"]);
      const second = await request("POST", `/threads/${threadId}/runs/stream`, { assistant_id: "agent", stream_mode: ["updates"] });
      const chunks = parseSse(second.text).filter((event) => event.event === "updates").map((event) => event.data as Record<string, any>);
      expect(chunks.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "action", "agent"]);
      expect(chunks[1].action.messages[0].content).toContain(SUNNY);
      const history = (await request("POST", `/threads/${threadId}/history`, { limit: 20 })).json;
      expect(history.length).toBeGreaterThanOrEqual(6);
      // The checkpoints went to the database, not into the workspace folder.
      const threadsDir = join(workspace.dir, ".switchyard", "threads");
      expect(existsSync(threadsDir) ? readdirSync(threadsDir) : []).toEqual([]);
    } finally {
      await server.stop();
      workspace.remove();
    }
  });
});
