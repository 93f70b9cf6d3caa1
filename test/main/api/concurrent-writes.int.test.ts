import { servedWorkspace } from "./server-process";

const QUESTION = "Use the search tool to ask the user where they are, then look up the weather there";

// Issue 15.1: every write to a thread lands on top of the latest checkpoint, in the order it was
// acknowledged, or is refused; no write is ever silently superseded by a sibling.
describe("concurrent writes to one thread", () => {
  const live = servedWorkspace();

  /** A thread paused before ask_human, as the seed leaves it; returns the AskHuman call to answer. */
  async function pausedThread() {
    const { json: thread } = await live.request("POST", "/threads", {});
    const threadId = thread.thread_id as string;
    await live.request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: { messages: [{ role: "human", content: QUESTION }] } });
    const state = (await live.request("GET", `/threads/${threadId}/state`)).json;
    expect(state.next).toEqual(["ask_human"]);
    return { threadId, toolCallId: state.values.messages.at(-1).tool_calls[0].id as string };
  }

  async function historyOf(threadId: string): Promise<any[]> {
    return (await live.request("POST", `/threads/${threadId}/history`, { limit: 1000 })).json;
  }

  /** Every checkpoint has at most one child: nothing was built on a checkpoint another write had already moved past. */
  function expectOneLine(history: any[]) {
    const childrenOf = new Map<string, string[]>();
    for (const state of history) {
      const parent = state.parent_checkpoint?.checkpoint_id ?? "(root)";
      childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), state.checkpoint.checkpoint_id]);
    }
    const forks = [...childrenOf].filter(([, children]) => children.length > 1);
    expect(forks).toEqual([]);
  }

  const contents = (state: any): string[] => state.values.messages.map((message: any) => message.content);
  const answer = (toolCallId: string, text: string) => ({ values: { messages: [{ type: "tool", tool_call_id: toolCallId, content: text }] }, as_node: "ask_human" });

  it("five state updates sent at once all land, one on top of the other, in the order they were acknowledged", async () => {
    const { threadId } = await pausedThread();
    const notes = ["one", "two", "three", "four", "five"].map((word) => `note ${word}`);
    const responses = await Promise.all(notes.map((note) => live.request("POST", `/threads/${threadId}/state`, { values: { messages: [{ type: "human", content: note }] }, as_node: "ask_human" })));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);

    const history = await historyOf(threadId);
    expectOneLine(history);
    // Checkpoint ids grow with time, so sorting the acknowledged ones gives the order they were written in.
    const acknowledged = responses.map((response, index) => ({ note: notes[index], id: response.json.checkpoint.checkpoint_id as string })).sort((a, b) => (a.id < b.id ? -1 : 1));
    const ids = history.map((state) => state.checkpoint.checkpoint_id);
    for (const { id } of acknowledged) expect(ids).toContain(id);
    for (let index = 1; index < acknowledged.length; index++) {
      const state = history.find((candidate) => candidate.checkpoint.checkpoint_id === acknowledged[index].id);
      expect(state.parent_checkpoint.checkpoint_id).toBe(acknowledged[index - 1].id);
    }
    const latest = (await live.request("GET", `/threads/${threadId}/state`)).json;
    expect(latest.checkpoint.checkpoint_id).toBe(acknowledged.at(-1)!.id);
    expect(contents(latest).slice(-5)).toEqual(acknowledged.map(({ note }) => note));
  });

  it("an update racing a run start either lands before the run (which continues from it) or is refused", async () => {
    const threads = await Promise.all([1, 2, 3, 4].map(() => pausedThread()));
    await Promise.all(
      threads.map(async ({ threadId, toolCallId }, index) => {
        const [update, run] = await Promise.all([
          live.request("POST", `/threads/${threadId}/state`, answer(toolCallId, `city ${index}`)),
          live.request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null }),
        ]);
        expect([200, 409]).toContain(update.status);
        expect(run.status).toBe(200);
        const history = await historyOf(threadId);
        expectOneLine(history);
        if (update.status === 200) {
          expect(history.map((state) => state.checkpoint.checkpoint_id)).toContain(update.json.checkpoint.checkpoint_id);
          expect(contents((await live.request("GET", `/threads/${threadId}/state`)).json)).toContain(`city ${index}`);
        } else {
          expect(update.json.detail).toMatch(/busy/);
        }
      }),
    );
  });

  it("two clients answering the question and resuming at once: each answer lands or is refused, never lost", async () => {
    const { threadId, toolCallId } = await pausedThread();
    const client = async (city: string) => {
      const update = await live.request("POST", `/threads/${threadId}/state`, answer(toolCallId, city));
      if (update.status !== 200) return { city, update, run: undefined };
      const run = await live.request("POST", `/threads/${threadId}/runs/wait`, { assistant_id: "agent", input: null });
      return { city, update, run };
    };
    const outcomes = await Promise.all([client("Paris"), client("Lisbon")]);
    for (const { update, run } of outcomes) {
      expect([200, 409]).toContain(update.status);
      if (run) expect([200, 409]).toContain(run.status);
    }
    const acknowledged = outcomes.filter(({ update }) => update.status === 200);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(outcomes.some(({ run }) => run?.status === 200)).toBe(true);

    const history = await historyOf(threadId);
    expectOneLine(history);
    const ids = history.map((state) => state.checkpoint.checkpoint_id);
    for (const { update } of acknowledged) expect(ids).toContain(update.json.checkpoint.checkpoint_id);
    const latest = contents((await live.request("GET", `/threads/${threadId}/state`)).json);
    for (const { city } of acknowledged) expect(latest).toContain(city);
    expect(latest.some((text) => text.startsWith("Based on the search results"))).toBe(true);
  });

  it("a bulk update and a thread copy wait for the write before them", async () => {
    const { threadId } = await pausedThread();
    const [update, bulk, copy] = await Promise.all([
      live.request("POST", `/threads/${threadId}/state`, { values: { messages: [{ type: "human", content: "single" }] }, as_node: "ask_human" }),
      live.request("POST", `/threads/${threadId}/state/bulk`, { supersteps: [{ updates: [{ values: { messages: [{ type: "human", content: "bulk" }] }, as_node: "ask_human" }] }] }),
      live.request("POST", `/threads/${threadId}/copy`),
    ]);
    expect([update.status, bulk.status, copy.status]).toEqual([200, 200, 200]);
    const history = await historyOf(threadId);
    expectOneLine(history);
    expect(contents((await live.request("GET", `/threads/${threadId}/state`)).json).slice(-2).sort()).toEqual(["bulk", "single"]);
    // The copy is the thread as it was between two whole writes: one of the source's states, in one line.
    const copied = (await live.request("GET", `/threads/${copy.json.thread_id}/state`)).json;
    expect(history.map((state) => JSON.stringify(state.values))).toContain(JSON.stringify(copied.values));
    expectOneLine(await historyOf(copy.json.thread_id));
  });
});
