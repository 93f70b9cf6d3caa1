import type { FlowTest } from "../../../shared/flow-test";
import { runFlowTest } from "../../../main/flow-tests/run-test";
import { startFakeProviders, type FakeProviders } from "../../fixtures/fake-providers/server";
import { SEED_QUESTION } from "../../helpers/seed";
import { factoryWithKeys, seedDocWith, TEST_KEY } from "../engine/providers/provider-graph";
import { openTempWorkspace, type OpenWorkspace } from "./helpers";

// A test marked "provider": "real" runs the graph's real provider class when a key is configured
// (here against the local fake OpenAI server), or when its server needs none, and is skipped with
// the reason when the provider's own service needs a key that is not configured.
describe("flow tests against a real provider", () => {
  let fake: FakeProviders;
  let open: OpenWorkspace;
  beforeAll(async () => (fake = await startFakeProviders({ apiKey: TEST_KEY })));
  afterAll(() => fake.close());
  beforeEach(() => (open = openTempWorkspace()));
  afterEach(async () => open.close());

  const test: FlowTest = {
    name: "real San Francisco",
    provider: "real",
    input: SEED_QUESTION,
    answers: ["san francisco"],
    checks: [{ type: "final-message-contains", text: "sunny" }, { type: "visits-before-final-answer", node: "action" }, { type: "ends" }],
  };

  it("runs with a configured key", async () => {
    const doc = seedDocWith({ provider: "openai", model: "gpt-4o-mini", baseUrl: fake.openAiBaseUrl });
    const runner = { ...open.runner, env: { OPENAI_API_KEY: TEST_KEY }, createModel: factoryWithKeys({ openai: TEST_KEY }) };
    const result = await runFlowTest(runner, { name: "agent", doc }, test);
    expect(result.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result.status).toBe("passed");
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);
  });

  it("runs without a key when the node's base URL is a local server that needs none, as switchyard run does", async () => {
    const keyless = await startFakeProviders();
    try {
      const doc = seedDocWith({ provider: "openai", model: "local-model", baseUrl: keyless.openAiBaseUrl });
      const result = await runFlowTest({ ...open.runner, env: {}, createModel: factoryWithKeys({}) }, { name: "agent", doc }, test);
      expect(result.message).toBeUndefined();
      expect(result.status).toBe("passed");
      expect(keyless.requests.length).toBeGreaterThanOrEqual(3);
      expect(keyless.requests.every((request) => request.api === "openai")).toBe(true);
    } finally {
      await keyless.close();
    }
  });

  it("is skipped, saying which key is missing, when the provider's own service needs one", async () => {
    const doc = seedDocWith({ provider: "anthropic", model: "claude-sonnet-4-5", baseUrl: undefined });
    const result = await runFlowTest(open.runner, { name: "agent", doc }, test);
    expect(result).toMatchObject({ status: "skipped", thread_id: null });
    expect(result.message).toBe("no anthropic key configured (node agent uses anthropic: set ANTHROPIC_API_KEY or add the key in Settings)");
  });
});
