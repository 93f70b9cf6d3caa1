import { Command, MemorySaver } from "@langchain/langgraph";
import { compileGraphDoc } from "../../../main/engine";
import { parseGraphJson } from "../../../shared/graph-parse";
import type { GraphDoc } from "../../../shared/graph-doc";

/** A scripted model node "tick" that loops until it says "done": one, two, three done. */
function loopDoc(breakpoint: Record<string, unknown>): GraphDoc {
  const parsed = parseGraphJson(
    JSON.stringify({
      version: 1,
      name: "loop",
      state: { fields: { messages: { type: "messages", reducer: "messages" } } },
      nodes: [
        {
          id: "tick",
          kind: "llm",
          breakpoint,
          config: { provider: "scripted", replies: ["one", "two", "three done"].map((content, index) => ({ when: { type: "turn", index }, content })) },
        },
      ],
      edges: [
        { id: "done", source: "tick", target: "__end__", order: 0, when: { type: "last-message-contains", text: "done" } },
        { id: "again", source: "tick", target: "tick", order: 1, when: { type: "otherwise" } },
      ],
      entry: "tick",
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.doc;
}

async function runUntilDone(doc: GraphDoc, threadId: string) {
  const graph = compileGraphDoc(doc, { checkpointer: new MemorySaver() });
  const config = { configurable: { thread_id: threadId } };
  const pauses: Array<{ said: string[]; payload: unknown }> = [];
  let input: unknown = { messages: [{ role: "human", content: "go" }] };
  for (let round = 0; round < 5; round++) {
    await graph.invoke(input as never, config);
    const state = await graph.getState(config);
    const interrupts = state.tasks.flatMap((task) => task.interrupts ?? []);
    if (interrupts.length === 0) break;
    const said = (state.values.messages as Array<{ getType(): string; content: string }>).filter((message) => message.getType() === "ai").map((message) => message.content);
    pauses.push({ said, payload: interrupts[0]!.value });
    input = new Command({ resume: true });
  }
  const final = await graph.getState(config);
  return { pauses, said: (final.values.messages as Array<{ content: string }>).slice(1).map((message) => message.content) };
}

describe("conditional breakpoints", () => {
  it("pause (as a real interrupt) exactly when the rule holds, and the run continues on resume", async () => {
    const { pauses, said } = await runUntilDone(loopDoc({ when: { type: "last-message-contains", text: "two" } }), "rule");
    expect(pauses).toEqual([{ said: ["one", "two"], payload: { breakpoint: "tick", hit: 1, condition: { type: "last-message-contains", text: "two" } } }]);
    expect(said).toEqual(["one", "two", "three done"]);
  });

  it("never pause when the rule never holds", async () => {
    const { pauses, said } = await runUntilDone(loopDoc({ when: { type: "last-message-contains", text: "seven" } }), "never");
    expect(pauses).toEqual([]);
    expect(said).toEqual(["one", "two", "three done"]);
  });

  it("pause on the given hit only", async () => {
    const { pauses, said } = await runUntilDone(loopDoc({ hitCount: 3 }), "third");
    expect(pauses).toEqual([{ said: ["one", "two"], payload: { breakpoint: "tick", hit: 3 } }]);
    expect(said).toEqual(["one", "two", "three done"]);
  });

  it("with a rule and a hit count, count only the hits where the rule holds", async () => {
    const { pauses } = await runUntilDone(loopDoc({ when: { type: "last-message-from", role: "ai" }, hitCount: 2 }), "both");
    expect(pauses).toEqual([{ said: ["one", "two"], payload: { breakpoint: "tick", hit: 2, condition: { type: "last-message-from", role: "ai" } } }]);
  });
});
