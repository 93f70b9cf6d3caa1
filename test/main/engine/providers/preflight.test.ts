import { assertRunnable, checkRunnable, GraphNotRunnableError, providerProblems } from "../../../../main/engine/preflight";
import { closeSandboxes } from "../../../../main/engine/sandbox/sandbox";
import { graphsOf, teamDoc } from "../../../helpers/compose-docs";
import { loadSeedDoc } from "../../../helpers/seed";
import { seedDocWith } from "./provider-graph";

const noSettings = { version: 1 as const, keys: {}, baseUrls: {} };

describe("the run preflight", () => {
  afterAll(() => closeSandboxes());

  it("names a subgraph node whose graph cannot run (a missing key inside it)", async () => {
    const inner = { ...seedDocWith({ provider: "openai", model: "gpt-4o-mini" }), name: "inner" };
    const outer = { ...teamDoc(), name: "outer" };
    outer.nodes[0] = { ...outer.nodes[0], kind: "subgraph", config: { graph: "inner" } } as typeof outer.nodes[number];
    expect(await checkRunnable(outer, noSettings, {}, graphsOf(inner))).toEqual([
      { path: "nodes[0].config.graph", nodeId: "research", message: 'in graph "inner" (subgraph node "research"): llm node "agent" uses openai, but no API key is set: set OPENAI_API_KEY or add the key in Settings' },
    ]);
    expect(await checkRunnable(outer, noSettings, { OPENAI_API_KEY: "sk-env-0123456789" }, graphsOf(inner))).toEqual([]);
  });

  it("passes the scripted seed graph", async () => {
    expect(await checkRunnable(loadSeedDoc(), noSettings, {})).toEqual([]);
  });

  it("names the llm node that has no key, unless an env var or the settings file has one", () => {
    const doc = seedDocWith({ provider: "openai", model: "gpt-4o-mini" });
    expect(providerProblems(doc, noSettings, {})).toEqual([
      { path: "nodes[1].config.provider", nodeId: "agent", message: 'llm node "agent" uses openai, but no API key is set: set OPENAI_API_KEY or add the key in Settings' },
    ]);
    expect(providerProblems(doc, noSettings, { OPENAI_API_KEY: "sk-env-0123456789" })).toEqual([]);
    expect(providerProblems(doc, { ...noSettings, keys: { openai: "sk-settings-0123456789" } }, {})).toEqual([]);
  });

  it("needs no key for an OpenAI-compatible local server or Ollama, but always a model", () => {
    expect(providerProblems(seedDocWith({ provider: "openai", model: "qwen2.5", baseUrl: "http://127.0.0.1:8080/v1" }), noSettings, {})).toEqual([]);
    expect(providerProblems(seedDocWith({ provider: "ollama", model: "llama3.2" }), noSettings, {})).toEqual([]);
    expect(providerProblems(seedDocWith({ provider: "ollama" }), noSettings, {})).toEqual([
      { path: "nodes[1].config.model", nodeId: "agent", message: 'llm node "agent" uses ollama but names no model: choose one (e.g. llama3.2)' },
    ]);
  });
});

describe("assertRunnable", () => {
  it("throws a GraphNotRunnableError carrying the problems", async () => {
    const error = await assertRunnable(seedDocWith({ provider: "anthropic", model: "claude-sonnet-4-5" }), noSettings, {}).then(() => undefined, (caught: Error) => caught);
    expect(error).toBeInstanceOf(GraphNotRunnableError);
    expect(error!.message).toBe('graph "agent" cannot run on this machine yet: llm node "agent" uses anthropic, but no API key is set: set ANTHROPIC_API_KEY or add the key in Settings');
    expect((error as GraphNotRunnableError).problems[0]).toMatchObject({ nodeId: "agent" });
    await expect(assertRunnable(loadSeedDoc(), noSettings, {})).resolves.toBeUndefined();
  });
});
