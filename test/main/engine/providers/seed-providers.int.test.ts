import type { BaseMessage } from "@langchain/core/messages";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { MemorySaver } from "@langchain/langgraph";
import { FileCheckpointSaver } from "../../../../main/checkpoint/file-saver";
import { compileGraphDoc } from "../../../../main/engine";
import { SEED_QUESTION, SUNNY, tempWorkspace } from "../../../helpers/seed";
import { textOf } from "../../../fixtures/fake-providers/conversation";
import { startFakeProviders, type FakeProviders } from "../../../fixtures/fake-providers/server";
import { factoryWithKeys, seedDocWith, TEST_KEY } from "./provider-graph";

type Update = Record<string, { messages?: Array<BaseMessage & { tool_calls?: Array<{ name: string; args: Record<string, string>; id: string }> }> }>;

async function collect<T>(stream: AsyncIterable<unknown>): Promise<T[]> {
  const chunks: T[] = [];
  for await (const chunk of stream) chunks.push(chunk as T);
  return chunks;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const providers = [
  { provider: "openai" as const, model: "gpt-4o-mini", baseUrl: (fake: FakeProviders) => fake.openAiBaseUrl },
  { provider: "anthropic" as const, model: "claude-sonnet-4-5", baseUrl: (fake: FakeProviders) => fake.anthropicBaseUrl },
];

describe.each(providers)("the seed flow through the real $provider class against the local fake server", ({ provider, model, baseUrl }) => {
  let fake: FakeProviders;
  let workspace: ReturnType<typeof tempWorkspace>;
  beforeAll(async () => (fake = await startFakeProviders({ apiKey: TEST_KEY })));
  afterAll(() => fake.close());
  beforeEach(() => {
    workspace = tempWorkspace();
    fake.requests.length = 0;
  });
  afterEach(() => workspace.cleanup());

  it("pauses before ask_human, takes the answer as ask_human and resumes to the final answer", async () => {
    const doc = seedDocWith({ provider, model, baseUrl: baseUrl(fake), temperature: 0.2, maxTokens: 256 });
    const saver = new FileCheckpointSaver(join(workspace.dir, ".switchyard"));
    const graph = compileGraphDoc(doc, { checkpointer: saver, createModel: factoryWithKeys({ [provider]: TEST_KEY }) });
    const config = { configurable: { thread_id: `seed-${provider}` } };

    const first = await collect<Update>(await graph.stream({ messages: [{ role: "human", content: SEED_QUESTION }] }, { ...config, streamMode: "updates" }));
    expect(first.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "__interrupt__"]);
    const ask = first[0].agent.messages!.at(-1)!;
    expect(ask.tool_calls?.[0]).toMatchObject({ name: "AskHuman", args: { question: "Where are you currently located?" } });
    expect((await graph.getState(config)).next).toEqual(["ask_human"]);

    await graph.updateState(config, { messages: [{ tool_call_id: ask.tool_calls![0].id, type: "tool", content: "san francisco" }] }, "ask_human");
    const second = await collect<Update>(await graph.stream(null, { ...config, streamMode: "updates" }));
    expect(second.map((chunk) => Object.keys(chunk)[0])).toEqual(["agent", "action", "agent"]);
    expect(second[0].agent.messages!.at(-1)!.tool_calls?.[0]).toMatchObject({ name: "search", args: { query: "current weather in san francisco" } });
    const final = second[2].agent.messages!.at(-1)!;
    expect(final.tool_calls ?? []).toEqual([]);
    expect(String(final.content)).toContain(SUNNY);

    // What the provider was sent: the node's model settings, the bound tools and the system prompt.
    expect(fake.requests).toHaveLength(3);
    const sent = fake.requests[0].body;
    expect(sent.model).toBe(model);
    expect(sent.temperature).toBe(0.2);
    expect(sent.max_tokens ?? sent.max_completion_tokens).toBe(256);
    const toolNames = (sent.tools as Array<{ name?: string; function?: { name: string } }>).map((tool) => tool.name ?? tool.function?.name);
    expect(toolNames.sort()).toEqual(["AskHuman", "search"]);
    expect(JSON.stringify(sent)).toContain("You are a helpful weather assistant.");

    // The key went to the provider, and nowhere into the thread's files.
    await saver.close();
    for (const file of filesUnder(join(workspace.dir, ".switchyard"))) expect(readFileSync(file).includes(TEST_KEY)).toBe(false);
  });

  it("streams tokens through LangGraph's messages stream mode", async () => {
    const doc = seedDocWith({ provider, model, baseUrl: baseUrl(fake) });
    const graph = compileGraphDoc(doc, { createModel: factoryWithKeys({ [provider]: TEST_KEY }) });
    const chunks = await collect<[{ content: unknown; tool_call_chunks?: unknown[] }, { langgraph_node: string }]>(
      await graph.stream({ messages: [{ role: "human", content: SEED_QUESTION }] }, { streamMode: "messages" }),
    );
    const fromAgent = chunks.filter(([, meta]) => meta.langgraph_node === "agent");
    const texts = fromAgent.map(([chunk]) => textOf(chunk.content)).filter((text) => text.length > 0);
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.join("")).toBe("Let me ask where you are.");
    expect(fake.requests[0].body.stream).toBe(true);
  });
});

describe("the seed flow through the real ollama class against the local fake server", () => {
  let fake: FakeProviders;
  beforeAll(async () => (fake = await startFakeProviders()));
  afterAll(() => fake.close());

  it("asks, searches and answers, with no key", async () => {
    const doc = seedDocWith({ provider: "ollama", model: "llama3.2", baseUrl: fake.url, maxTokens: 128 });
    const graph = compileGraphDoc(doc, { checkpointer: new MemorySaver(), createModel: factoryWithKeys({}) });
    const config = { configurable: { thread_id: "seed-ollama" } };
    await graph.invoke({ messages: [{ role: "human", content: SEED_QUESTION }] }, config);
    const paused = await graph.getState(config);
    expect(paused.next).toEqual(["ask_human"]);
    const ask = (paused.values.messages as Array<{ tool_calls?: Array<{ id: string; name: string }> }>).at(-1)!.tool_calls![0];
    expect(ask.name).toBe("AskHuman");
    await graph.updateState(config, { messages: [{ tool_call_id: ask.id, type: "tool", content: "san francisco" }] }, "ask_human");
    const done = await graph.invoke(null, config);
    expect(String((done.messages as BaseMessage[]).at(-1)!.content)).toContain(SUNNY);
    expect(fake.requests.map((request) => request.api)).toEqual(["ollama", "ollama", "ollama"]);
    expect(fake.requests[0].body.options).toMatchObject({ num_predict: 128 });
  });
});
