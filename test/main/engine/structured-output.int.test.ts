import type { BaseMessage } from "@langchain/core/messages";
import { MemorySaver } from "@langchain/langgraph";
import { compileGraphDoc } from "../../../main/engine";
import { validateGraphDoc } from "../../../shared/graph-validate";
import type { GraphDoc } from "../../../shared/graph-doc";
import { startFakeProviders, type FakeProviders } from "../../fixtures/fake-providers/server";
import { factoryWithKeys } from "./providers/provider-graph";

const KEY = "sk-structured-test-0123456789";

/** A router: `classify` answers {route, urgent} in structured output, edges route on the field. */
function routerDoc(classify: Record<string, unknown>): GraphDoc {
  const result = validateGraphDoc({
    version: 1,
    name: "router",
    entry: "classify",
    state: {
      fields: {
        messages: { type: "messages", reducer: "messages" },
        route: { type: "string", reducer: "replace" },
        urgent: { type: "boolean", reducer: "replace" },
        seen: { type: "list", reducer: "append", default: [] },
      },
    },
    nodes: [
      {
        id: "classify",
        kind: "llm",
        config: {
          outputFields: [
            { name: "route", type: "string", enum: ["billing", "tech"], description: "which team answers" },
            { name: "urgent", type: "boolean" },
            { name: "seen", type: "string" },
          ],
          ...classify,
        },
      },
      { id: "billing", kind: "set", config: { values: { seen: "billing team" } } },
      { id: "tech", kind: "set", config: { values: { seen: "tech team" } } },
    ],
    edges: [
      { id: "e1", source: "classify", target: "billing", when: { type: "field-equals", field: "route", value: "billing" } },
      { id: "e2", source: "classify", target: "tech", when: { type: "otherwise" } },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
}

async function invoke(doc: GraphDoc, text: string, createModel?: ReturnType<typeof factoryWithKeys>) {
  const graph = compileGraphDoc(doc, { checkpointer: new MemorySaver(), ...(createModel ? { createModel } : {}) });
  const updates: Array<Record<string, unknown>> = [];
  for await (const update of await graph.stream({ messages: [{ role: "human", content: text }] }, { configurable: { thread_id: "t" }, streamMode: "updates" })) updates.push(update as Record<string, unknown>);
  const state = await graph.getState({ configurable: { thread_id: "t" } });
  return { updates, values: state.values as { messages: BaseMessage[]; route?: string; urgent?: boolean; seen: string[] } };
}

describe("structured output of llm nodes", () => {
  it("writes a scripted reply's output to the fields through their reducers instead of appending a message", async () => {
    const doc = routerDoc({
      provider: "scripted",
      replies: [
        { when: { type: "last-message-contains", text: "invoice" }, output: { route: "billing", urgent: true, seen: "asked about {{last_message}}" } },
        { output: { route: "tech", urgent: false, seen: "classified" } },
      ],
    });
    const billing = await invoke(doc, "my invoice is wrong");
    expect(billing.updates[0]).toEqual({ classify: { route: "billing", urgent: true, seen: "asked about my invoice is wrong" } });
    expect(billing.values).toMatchObject({ route: "billing", urgent: true, seen: ["asked about my invoice is wrong", "billing team"] });
    expect(billing.values.messages).toHaveLength(1);
    const tech = await invoke(doc, "the app crashes");
    expect(tech.values).toMatchObject({ route: "tech", seen: ["classified", "tech team"] });
  });

  it("fails the node naming the field when the answer does not fit", async () => {
    const wrongEnum = routerDoc({ provider: "scripted", replies: [{ output: { route: "sales", urgent: false, seen: "x" } }] });
    await expect(invoke(wrongEnum, "hi")).rejects.toThrow('llm node "classify": the model\'s structured answer does not fit field "route": "sales" is not one of "billing", "tech"');
    const missing = routerDoc({ provider: "scripted", replies: [{ output: { route: "tech", seen: "x" } }] });
    await expect(invoke(missing, "hi")).rejects.toThrow('does not fit field "urgent": it is missing');
    const none = routerDoc({ provider: "scripted", replies: [{ content: "no structure here" }] });
    await expect(invoke(none, "hi")).rejects.toThrow("the model's structured answer does not fit: expected an object with route, urgent, seen, got undefined");
  });

  describe("through ChatOpenAI against a local fake OpenAI server", () => {
    let fake: FakeProviders;
    beforeAll(async () => (fake = await startFakeProviders({ apiKey: KEY })));
    afterAll(() => fake.close());

    it("sends response_format json_schema (gpt-4o family) and routes on the parsed answer", async () => {
      const doc = routerDoc({ provider: "openai", model: "gpt-4o-mini", baseUrl: fake.openAiBaseUrl });
      const result = await invoke(doc, "question about billing please", factoryWithKeys({ openai: KEY }));
      const request = fake.requests.at(-1)!.body;
      expect(request.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "answer", schema: { properties: { route: { type: "string", enum: ["billing", "tech"] } }, required: ["route", "urgent", "seen"] } } });
      expect(result.values).toMatchObject({ route: "billing", urgent: true, seen: ["question about billing please", "billing team"] });
    });

    it("forces a tool call for models without JSON schema support (function calling)", async () => {
      const doc = routerDoc({ provider: "openai", model: "gpt-4-turbo", baseUrl: fake.openAiBaseUrl });
      const result = await invoke(doc, "my tech setup is broken", factoryWithKeys({ openai: KEY }));
      const request = fake.requests.at(-1)!.body;
      expect(request.tool_choice).toEqual({ type: "function", function: { name: "answer" } });
      expect(request.tools[0].function.parameters.properties.route.enum).toEqual(["billing", "tech"]);
      expect(result.values).toMatchObject({ route: "tech", seen: ["my tech setup is broken", "tech team"] });
    });

    it("names the field of a provider's answer that does not fit", async () => {
      fake.answer({ route: "billing", urgent: "yes", seen: "x" });
      const doc = routerDoc({ provider: "openai", model: "gpt-4o-mini", baseUrl: fake.openAiBaseUrl });
      await expect(invoke(doc, "hi", factoryWithKeys({ openai: KEY }))).rejects.toThrow('does not fit field "urgent": "yes" is not a boolean');
    });
  });
});
