import type { BaseMessage } from "@langchain/core/messages";
import { join } from "node:path";
import { FileCheckpointSaver } from "../../../main/checkpoint/file-saver";
import { compileGraphDoc } from "../../../main/engine";
import { loadSeedDoc, SEED_QUESTION, SUNNY, tempWorkspace } from "../../helpers/seed";

type Update = Record<string, { messages?: BaseMessage[] }>;

async function collect(stream: AsyncIterable<unknown>): Promise<Update[]> {
  const chunks: Update[] = [];
  for await (const chunk of stream) chunks.push(chunk as Update);
  return chunks;
}

function lastMessage(update: Update, node: string) {
  return update[node]?.messages?.at(-1) as (BaseMessage & { tool_calls?: Array<{ name: string; args: Record<string, string>; id: string }> }) | undefined;
}

describe("the seed flow through the engine with file checkpoints", () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeEach(() => (workspace = tempWorkspace()));
  afterEach(() => workspace.cleanup());

  it("pauses before ask_human, takes the answer as ask_human, finishes, and survives a restart", async () => {
    const doc = loadSeedDoc();
    const dir = join(workspace.dir, ".switchyard");
    let saver = new FileCheckpointSaver(dir);
    let graph = compileGraphDoc(doc, { checkpointer: saver });
    const config = { configurable: { thread_id: "seed-thread" } };

    const first = await collect(
      await graph.stream({ messages: [{ role: "human", content: SEED_QUESTION }] }, { ...config, streamMode: "updates", interruptBefore: ["ask_human"] }),
    );
    expect(first.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "__interrupt__"]);
    const ask = lastMessage(first[0], "agent")!;
    expect(ask.tool_calls?.[0]).toMatchObject({ name: "AskHuman", args: { question: "Where are you currently located?" } });
    const paused = await graph.getState(config);
    expect(paused.next).toEqual(["ask_human"]);

    const toolCallId = ask.tool_calls![0].id;
    await graph.updateState(config, { messages: [{ tool_call_id: toolCallId, type: "tool", content: "san francisco" }] }, "ask_human");
    expect((await graph.getState(config)).next).toEqual(["agent"]);

    const second = await collect(await graph.stream(null, { ...config, streamMode: "updates" }));
    expect(second.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "action", "agent"]);
    expect(lastMessage(second[0], "agent")!.tool_calls?.[0]).toMatchObject({ name: "search", args: { query: "current weather in san francisco" } });
    expect(String(lastMessage(second[1], "action")!.content)).toContain(SUNNY);
    const final = lastMessage(second[2], "agent")!;
    expect(final.tool_calls ?? []).toEqual([]);
    expect(String(final.content)).toContain("sunny");

    const historyBefore = [];
    for await (const snapshot of graph.getStateHistory(config)) historyBefore.push(snapshot.config.configurable?.checkpoint_id);
    expect(historyBefore.length).toBeGreaterThanOrEqual(6);

    // "Restart": drop the saver and the compiled graph, open everything again from disk.
    await saver.close();
    saver = new FileCheckpointSaver(dir);
    graph = compileGraphDoc(doc, { checkpointer: saver });
    const historyAfter = [];
    for await (const snapshot of graph.getStateHistory(config)) historyAfter.push(snapshot.config.configurable?.checkpoint_id);
    expect(historyAfter).toEqual(historyBefore);
    const finalState = await graph.getState(config);
    expect(finalState.next).toEqual([]);
    expect((finalState.values.messages as BaseMessage[]).length).toBe(6);
    await saver.close();
  });

  it("resumes a thread paused before ask_human after a restart", async () => {
    const doc = loadSeedDoc();
    const dir = join(workspace.dir, ".switchyard");
    const config = { configurable: { thread_id: "paused-thread" } };
    const before = new FileCheckpointSaver(dir);
    await collect(await compileGraphDoc(doc, { checkpointer: before }).stream({ messages: [{ role: "human", content: SEED_QUESTION }] }, { ...config, streamMode: "updates" }));
    await before.close();

    const saver = new FileCheckpointSaver(dir);
    const graph = compileGraphDoc(doc, { checkpointer: saver });
    const paused = await graph.getState(config);
    expect(paused.next).toEqual(["ask_human"]);
    const callId = (paused.values.messages as Array<{ tool_calls?: Array<{ id: string }> }>).at(-1)!.tool_calls![0].id;
    await graph.updateState(config, { messages: [{ tool_call_id: callId, type: "tool", content: "san francisco" }] }, "ask_human");
    const resumed = await collect(await graph.stream(null, { ...config, streamMode: "updates" }));
    expect(resumed.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "action", "agent"]);
    await saver.close();
  });
});
