import { MemorySaver } from "@langchain/langgraph";
import { compileGraphDoc } from "../../../../main/engine";
import type { LlmConfig } from "../../../../shared/node-kinds/llm";
import { MissingApiKeyError, ModelNotChosenError, ProviderAuthError, ProviderConnectionError, ProviderRateLimitError, ProviderTimeoutError } from "../../../../main/engine/providers/errors";
import { SEED_QUESTION } from "../../../helpers/seed";
import { startFakeProviders, type FakeProviders } from "../../../fixtures/fake-providers/server";
import { factoryWithKeys, seedDocWith, TEST_KEY } from "./provider-graph";

const question = { messages: [{ role: "human", content: SEED_QUESTION }] };

async function runAgent(agent: Partial<LlmConfig>, keys: { openai?: string; anthropic?: string }) {
  const graph = compileGraphDoc(seedDocWith(agent), { checkpointer: new MemorySaver(), createModel: factoryWithKeys(keys) });
  const config = { configurable: { thread_id: "t" } };
  return { graph, config, result: await graph.invoke(question, config).then((values) => ({ values }), (error: Error) => ({ error })) };
}

describe.each([
  { provider: "openai" as const, model: "gpt-4o-mini", baseUrl: (fake: FakeProviders) => fake.openAiBaseUrl },
  { provider: "anthropic" as const, model: "claude-sonnet-4-5", baseUrl: (fake: FakeProviders) => fake.anthropicBaseUrl },
])("$provider errors on the llm node", ({ provider, model, baseUrl }) => {
  let fake: FakeProviders;
  beforeAll(async () => (fake = await startFakeProviders({ apiKey: TEST_KEY })));
  afterAll(() => fake.close());
  beforeEach(() => (fake.requests.length = 0));

  it("a rejected key is a ProviderAuthError naming the node, with the provider's words and without the key", async () => {
    const wrongKey = "sk-wrong-key-abcdefghijklmnop123456";
    const { result } = await runAgent({ provider, model, baseUrl: baseUrl(fake) }, { [provider]: wrongKey });
    const error = (result as { error: Error }).error;
    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error.name).toBe("ProviderAuthError");
    expect(error.message).toMatch(new RegExp(`^llm node "agent": ${provider} answered 401`));
    expect(error.message).toMatch(provider === "openai" ? /Incorrect API key provided/ : /invalid x-api-key/);
    expect(error.message).toContain(provider === "openai" ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY");
    expect(error.message).not.toContain(wrongKey);
    expect(error.message).not.toContain(wrongKey.slice(0, 12));
    expect(fake.requests).toHaveLength(1); // a 401 is not retried
  });

  it("a 429 is retried after the provider's retry-after, then the run goes on", async () => {
    fake.fail({ status: 429, retryAfter: "0.3" });
    const { graph, config, result } = await runAgent({ provider, model, baseUrl: baseUrl(fake), maxRetries: 2, retryBackoffMs: 0 }, { [provider]: TEST_KEY });
    expect(result).not.toHaveProperty("error");
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(280);
    expect((await graph.getState(config)).next).toEqual(["ask_human"]);
  });

  it("a 429 with no retries left is a ProviderRateLimitError", async () => {
    fake.fail({ status: 429, retryAfter: "0", message: "Rate limit reached for requests per min" }, { status: 429, retryAfter: "0", message: "Rate limit reached for requests per min" });
    const { result } = await runAgent({ provider, model, baseUrl: baseUrl(fake), maxRetries: 1, retryBackoffMs: 0 }, { [provider]: TEST_KEY });
    const error = (result as { error: Error }).error;
    expect(error).toBeInstanceOf(ProviderRateLimitError);
    expect(error.message).toContain("Rate limit reached for requests per min");
    expect(error.message).toContain("after 2 attempts");
    expect(fake.requests).toHaveLength(2);
  });
});

describe("time limits, backoff and connection errors", () => {
  let fake: FakeProviders;
  beforeAll(async () => (fake = await startFakeProviders({ apiKey: TEST_KEY })));
  afterAll(() => fake.close());
  beforeEach(() => (fake.requests.length = 0));
  const openai = () => ({ provider: "openai" as const, model: "gpt-4o-mini", baseUrl: fake.openAiBaseUrl });

  it("a call longer than the node's timeoutMs is a ProviderTimeoutError", async () => {
    fake.fail({ delayMs: 3000 });
    const { result } = await runAgent({ ...openai(), timeoutMs: 200, maxRetries: 0 }, { openai: TEST_KEY });
    const error = (result as { error: Error }).error;
    expect(error).toBeInstanceOf(ProviderTimeoutError);
    expect(error.message).toMatch(/^llm node "agent": openai failed \(timeout\)/);
    expect(error.message).toContain("timeoutMs");
  });

  it("a timed-out call is retried, and a 5xx after a backoff", async () => {
    fake.fail({ delayMs: 3000 }, { status: 503, message: "overloaded" });
    const { result } = await runAgent({ ...openai(), timeoutMs: 200, maxRetries: 2, retryBackoffMs: 50 }, { openai: TEST_KEY });
    expect(result).not.toHaveProperty("error");
    expect(fake.requests).toHaveLength(3);
  });

  it("an unreachable server is a ProviderConnectionError", async () => {
    const closed = await startFakeProviders();
    await closed.close();
    const { result } = await runAgent({ provider: "openai", model: "gpt-4o-mini", baseUrl: closed.openAiBaseUrl, maxRetries: 0 }, {});
    const error = (result as { error: Error }).error;
    expect(error).toBeInstanceOf(ProviderConnectionError);
    expect(error.message).toContain("base URL");
  });

  it("a missing key or model fails on the node before any call", async () => {
    const noKey = await runAgent({ provider: "anthropic", model: "claude-sonnet-4-5" }, {});
    expect((noKey.result as { error: Error }).error).toBeInstanceOf(MissingApiKeyError);
    expect((noKey.result as { error: Error }).error.message).toBe('llm node "agent" uses anthropic, but no API key is set: set ANTHROPIC_API_KEY or add the key in Settings');
    const noModel = await runAgent({ provider: "openai", baseUrl: fake.openAiBaseUrl }, { openai: TEST_KEY });
    expect((noModel.result as { error: Error }).error).toBeInstanceOf(ModelNotChosenError);
    expect(fake.requests).toHaveLength(0);
  });
});
