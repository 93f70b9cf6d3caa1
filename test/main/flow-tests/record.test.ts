import { Command } from "@langchain/langgraph";
import { describeCheck } from "../../../shared/flow-test";
import type { GraphDoc } from "../../../shared/graph-doc";
import { compileGraphDoc } from "../../../main/engine";
import { NothingToRecordError, recordTestFromThread } from "../../../main/flow-tests/record";
import { runFlowTest } from "../../../main/flow-tests/run-test";
import { loadSeedDoc, SEED_QUESTION } from "../../helpers/seed";
import { openTempWorkspace, type OpenWorkspace } from "./helpers";

async function drain(stream: AsyncIterable<unknown>) {
  for await (const _chunk of stream) void _chunk;
}

describe("recording a test from a thread", () => {
  let open: OpenWorkspace;
  beforeEach(() => (open = openTempWorkspace()));
  afterEach(async () => open.close());

  /** The seed flow as a person runs it in the debugger (or with curl): answer as ask_human at the pause. */
  async function seedThread(doc: GraphDoc, threadId: string, answer: (toolCallId: string) => Record<string, unknown>) {
    const graph = compileGraphDoc(doc, { checkpointer: open.runner.saver });
    const config = { configurable: { thread_id: threadId } };
    open.runner.threads.create(threadId, { graph_id: "agent" });
    await drain(await graph.stream({ messages: [{ role: "human", content: SEED_QUESTION }] }, { ...config, streamMode: "updates" }));
    const paused = await graph.getState(config);
    const callId = (paused.values.messages.at(-1) as { tool_calls: Array<{ id: string }> }).tool_calls[0].id;
    await graph.updateState(config, answer(callId), "ask_human");
    await drain(await graph.stream(null, { ...config, streamMode: "updates" }));
    return graph;
  }

  it("records the seed run's input, its answer as ask_human and checks that hold, and the replay passes", async () => {
    const doc = loadSeedDoc();
    const graph = await seedThread(doc, "seed-run", (id) => ({ messages: [{ type: "tool", tool_call_id: id, content: "san francisco" }] }));
    const { test, notes } = await recordTestFromThread({ saver: open.runner.saver, doc, graph, threadId: "seed-run" }, "recorded");
    expect(notes).toEqual([]);
    expect(test.name).toBe("recorded");
    expect(test.input).toBe(SEED_QUESTION);
    expect(test.answers).toEqual([{ node: "ask_human", text: "san francisco" }]);
    expect(test.provider).toBeUndefined();
    expect(test.checks.map(describeCheck)).toEqual([
      "ends (does not stay paused)",
      "no node errors",
      "visits agent",
      "visits ask_human",
      "visits action before the final answer",
      "the final message contains 'Based on the search results: I looked up: current weather'",
      "at most 5 steps",
    ]);
    const replay = await runFlowTest(open.runner, { name: "agent", doc }, test);
    expect(replay.status).toBe("passed");
  });

  it("keeps an edit that is more than an answer as {asNode, values}, without run-specific ids", async () => {
    const doc = loadSeedDoc();
    const graph = await seedThread(doc, "edit-run", (id) => ({
      messages: [
        { type: "tool", tool_call_id: id, content: "rome" },
        { type: "human", content: "and take an umbrella" },
      ],
    }));
    const { test } = await recordTestFromThread({ saver: open.runner.saver, doc, graph, threadId: "edit-run" }, "edit");
    expect(test.answers).toHaveLength(1);
    const answer = test.answers[0] as { node: string; asNode: string; values: { messages: Array<Record<string, unknown>> } };
    expect(answer).toMatchObject({ node: "ask_human", asNode: "ask_human" });
    expect(answer.values.messages).toEqual([
      { type: "tool", content: "rome" },
      { type: "human", content: "and take an umbrella" },
    ]);
    const replay = await runFlowTest(open.runner, { name: "agent", doc }, test);
    expect(replay.checks.filter((check) => !check.passed)).toEqual([]);
  });

  it("records a paused thread without claiming it ends", async () => {
    const doc = loadSeedDoc();
    const graph = compileGraphDoc(doc, { checkpointer: open.runner.saver });
    await drain(await graph.stream({ messages: [{ role: "human", content: "hello" }] }, { configurable: { thread_id: "paused" }, streamMode: "updates" }));
    const { test } = await recordTestFromThread({ saver: open.runner.saver, doc, graph, threadId: "paused" }, "paused");
    expect(test).toMatchObject({ input: "hello", answers: [] });
    expect(test.checks.map(describeCheck)).toEqual(["no node errors", "visits agent", "at most 1 step"]);
  });

  it("records resume values given to interrupt() nodes", async () => {
    const seed = loadSeedDoc();
    const doc: GraphDoc = { ...seed, nodes: seed.nodes.map((node) => (node.kind === "human" ? { ...node, breakpoint: undefined, config: { ...node.config, mode: "interrupt" as const } } : node)) };
    const graph = compileGraphDoc(doc, { checkpointer: open.runner.saver });
    const config = { configurable: { thread_id: "interrupted" }, streamMode: "updates" as const };
    await drain(await graph.stream({ messages: [{ role: "human", content: SEED_QUESTION }] }, config));
    await drain(await graph.stream(new Command({ resume: "oslo" }), config));
    const { test } = await recordTestFromThread({ saver: open.runner.saver, doc, graph, threadId: "interrupted" }, "resume");
    expect(test.answers).toEqual([{ node: "ask_human", text: "oslo" }]);
    expect(test.checks.map(describeCheck)).toContain("visits ask_human");
    expect((await runFlowTest(open.runner, { name: "agent", doc }, test)).status).toBe("passed");
  });

  it("says there is nothing to record for a thread that never ran", async () => {
    const doc = loadSeedDoc();
    const graph = compileGraphDoc(doc, { checkpointer: open.runner.saver });
    await expect(recordTestFromThread({ saver: open.runner.saver, doc, graph, threadId: "nothing" }, "x")).rejects.toThrow(NothingToRecordError);
  });
});
