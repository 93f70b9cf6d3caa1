import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { graphDocSchema, type GraphDoc } from "../../../shared/graph-doc";
import { InvalidStateValueError } from "../../../main/api/errors";
import type { RunnableGraph } from "../../../main/api/graph-runtime";
import { checkCommand, checkStateValues } from "../../../main/api/state-input";
import { compileGraphDoc } from "../../../main/engine";

const ROOT = resolve(import.meta.dirname, "../../..");

function documentGraph(doc: GraphDoc): RunnableGraph {
  return { graphId: doc.name, assistantId: doc.name, source: "document", doc, compiled: compileGraphDoc(doc), nodeNames: doc.nodes.map((node) => node.id) };
}

const seed = documentGraph(graphDocSchema.parse(JSON.parse(readFileSync(resolve(ROOT, "examples/weather-agent/agent.graph.json"), "utf8"))));
const typed = documentGraph(
  graphDocSchema.parse({
    version: 1,
    name: "typed",
    entry: "noop",
    state: {
      fields: {
        title: { type: "string", reducer: "replace" },
        tags: { type: "list", reducer: "append" },
        facts: { type: "object", reducer: "merge" },
        score: { type: "number", reducer: "sum" },
        done: { type: "boolean", reducer: "replace" },
        anything: { type: "any", reducer: "replace" },
      },
    },
    nodes: [{ id: "noop", kind: "set", config: { values: {} } }],
    edges: [{ id: "noop-end", source: "noop", target: "__end__" }],
  }),
);

const problemOf = (check: () => void): string | undefined => {
  try {
    check();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidStateValueError);
    return (error as Error).message;
  }
};

describe("checkStateValues", () => {
  it.each([
    ["a string", "hi"],
    ["a [role, content] pair", [["user", "hi"]]],
    ["one message object, not in a list", { type: "human", content: "hi" }],
    ["a developer message", [{ role: "developer", content: "be brief" }]],
    ["an OpenAI assistant message that only calls tools", [{ role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "search", arguments: "{}" } }] }]],
    ["a remove message", [{ type: "remove", id: "m1" }]],
    ["an Overwrite of the whole list", { __overwrite__: [{ type: "human", content: "only this" }] }],
  ])("takes messages as %s", (_name, messages) => {
    expect(problemOf(() => checkStateValues(seed, { messages }, "values"))).toBeUndefined();
  });

  it.each([
    [{ messages: null }, /^values\.messages: expected a message or a list of messages, got null/],
    [{ messages: [{ type: "remove" }] }, /^values\.messages\[0\]\.id: required for a remove message/],
    [{ messages: [["bot", "hi"]] }, /^values\.messages\[0\]\[0\]: expected human, ai/],
    [{ messages: [{ type: "ai", content: "x", tool_calls: "search" }] }, /^values\.messages\[0\]\.tool_calls: expected a list of tool calls/],
    [{ messages: { __overwrite__: [{ type: "bogus" }] } }, /^values\.messages\[0\]\.type: expected human/],
  ])("refuses %j", (values, detail) => {
    expect(problemOf(() => checkStateValues(seed, values, "values"))).toMatch(detail);
  });

  it("checks each typed field by its type and reducer", () => {
    const good = { title: "t", tags: "one more", facts: { a: 1 }, score: 2, done: false, anything: [1, "x"] };
    expect(problemOf(() => checkStateValues(typed, good, "input"))).toBeUndefined();
    expect(problemOf(() => checkStateValues(typed, { tags: ["a", "b"], title: null }, "input"))).toBeUndefined();
    expect(problemOf(() => checkStateValues(typed, { title: 3 }, "input"))).toBe('input.title: expected a string, got 3');
    expect(problemOf(() => checkStateValues(typed, { facts: [1] }, "input"))).toBe("input.facts: expected an object to merge in, got a list");
    expect(problemOf(() => checkStateValues(typed, { score: "2" }, "input"))).toBe('input.score: expected a number to add, got "2"');
    expect(problemOf(() => checkStateValues(typed, { done: "yes" }, "input"))).toBe('input.done: expected a boolean, got "yes"');
    expect(problemOf(() => checkStateValues(typed, { score: { __overwrite__: 10 } }, "input"))).toBeUndefined();
    expect(problemOf(() => checkStateValues(typed, [], "input"))).toBe("input: expected an object of state fields, got a list");
  });
});

describe("checkCommand", () => {
  it("takes an update as [field, value] pairs and goto to END", () => {
    expect(problemOf(() => checkCommand(seed, { update: [["messages", "hi"]], goto: "__end__" }, "command"))).toBeUndefined();
    expect(problemOf(() => checkCommand(seed, { update: [["messages"]] }, "command"))).toMatch(/^command\.update\[0\]: expected a \[field, value\] pair/);
  });

  it("names an unknown goto node (a 400, like every node name a request gives)", () => {
    expect(() => checkCommand(seed, { goto: ["agent", "nowhere"] }, "command")).toThrow(/command\.goto: unknown node "nowhere" in graph "agent"/);
  });
});
