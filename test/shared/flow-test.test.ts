import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeCheck, normalAnswer, parseFlowTests, parseFlowTestsText, proposeChecks, type FlowCheck } from "../../shared/flow-test";
import { CHECK_KINDS } from "../../shared/flow-test-forms";
import { serializeFlowTests } from "../../shared/flow-test-serialize";
import { flowTestProblems } from "../../shared/flow-test-validate";
import { loadSeedDoc, seedWorkspace } from "../helpers/seed";

const seedTestsText = readFileSync(join(seedWorkspace, "agent.tests.json"), "utf8");

describe("describeCheck", () => {
  it.each<[FlowCheck, string]>([
    [{ type: "visits", node: "ask_human" }, "visits ask_human"],
    [{ type: "visits-before-final-answer", node: "action" }, "visits action before the final answer"],
    [{ type: "final-message-contains", text: "sunny" }, "the final message contains 'sunny'"],
    [{ type: "field-equals", field: "city", value: "paris" }, "state field city equals 'paris'"],
    [{ type: "field-equals", field: "count", value: 3 }, "state field count equals 3"],
    [{ type: "ends" }, "ends (does not stay paused)"],
    [{ type: "no-errors" }, "no node errors"],
    [{ type: "max-steps", steps: 5 }, "at most 5 steps"],
    [{ type: "max-steps", steps: 1 }, "at most 1 step"],
  ])("%j reads as %s", (check, sentence) => {
    expect(describeCheck(check)).toBe(sentence);
  });
});

describe("the tests file schema", () => {
  it("accepts the seed's tests and every answer form", () => {
    const parsed = parseFlowTestsText(seedTestsText);
    expect(parsed.ok).toBe(true);
    const answers = parseFlowTests({
      version: 1,
      tests: [{ name: "t", input: { messages: [] }, answers: ["plain", { node: "ask_human", text: "x" }, { asNode: "ask_human", values: { messages: [] } }, { resume: { ok: true } }] }],
    });
    if (!answers.ok) throw new Error(JSON.stringify(answers.problems));
    expect(answers.file.tests[0].answers.map((answer) => normalAnswer(answer).kind)).toEqual(["text", "text", "edit", "resume"]);
    expect(answers.file.tests[0].checks).toEqual([]);
  });

  it("names the path of each problem", () => {
    const parsed = parseFlowTests({ version: 1, tests: [{ name: "t", input: "hi", checks: [{ type: "visits" }, { type: "max-steps", steps: 0 }, { type: "sometimes" }] }] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(["tests[0].checks[0].node", "tests[0].checks[1].steps", "tests[0].checks[2].type"]));
  });

  it("rejects two tests with one name, a missing input and bad JSON", () => {
    const duplicate = parseFlowTests({ version: 1, tests: [{ name: "a", input: "x" }, { name: "a", input: "y" }] });
    expect(duplicate.ok ? [] : duplicate.problems).toEqual([{ path: "tests[1].name", message: 'another test is already named "a"' }]);
    const noInput = parseFlowTests({ version: 1, tests: [{ name: "a" }] });
    expect(noInput.ok ? [] : noInput.problems.map((problem) => problem.path)).toEqual(["tests[0].input"]);
    const notJson = parseFlowTestsText("{ nope");
    expect(notJson.ok ? "" : notJson.problems[0].message).toMatch(/^not valid JSON/);
    const emptyResume = parseFlowTests({ version: 1, tests: [{ name: "a", input: "x", answers: [{ node: "n" }] }] });
    expect(emptyResume.ok).toBe(false);
  });
});

describe("serializeFlowTests", () => {
  it("saves a loaded file without changing a byte", () => {
    const parsed = parseFlowTestsText(seedTestsText);
    if (!parsed.ok) throw new Error("seed tests are invalid");
    expect(serializeFlowTests(parsed.file)).toBe(seedTestsText);
  });

  it("writes keys in reading order whatever order they came in", () => {
    const parsed = parseFlowTests({ tests: [{ checks: [{ steps: 2, type: "max-steps" }], answers: [{ values: { b: 1, a: 2 }, asNode: "n" }], input: "hi", name: "t" }], version: 1 });
    if (!parsed.ok) throw new Error("invalid");
    const text = serializeFlowTests(parsed.file);
    expect(text.indexOf('"name"')).toBeLessThan(text.indexOf('"input"'));
    expect(text.indexOf('"type"')).toBeLessThan(text.indexOf('"steps"'));
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(text.endsWith("}\n")).toBe(true);
  });
});

describe("flowTestProblems", () => {
  it("warns about nodes and fields the graph does not have", () => {
    const parsed = parseFlowTests({
      version: 1,
      tests: [{ name: "t", input: { mood: "x" }, answers: [{ node: "nobody", text: "x" }], checks: [{ type: "visits", node: "ghost" }, { type: "field-equals", field: "city", value: 1 }] }],
    });
    if (!parsed.ok) throw new Error("invalid");
    const problems = flowTestProblems(parsed.file, loadSeedDoc());
    expect(problems.map((problem) => problem.path)).toEqual(["tests[0].input.mood", "tests[0].answers[0].node", "tests[0].checks[0].node", "tests[0].checks[1].field"]);
    const seed = parseFlowTestsText(seedTestsText);
    expect(seed.ok && flowTestProblems(seed.file, loadSeedDoc())).toEqual([]);
  });
});

describe("proposeChecks", () => {
  it("proposes what the seed run did, in reading order", () => {
    const checks = proposeChecks({
      steps: [
        { node: "agent", kind: "llm" },
        { node: "ask_human", kind: "human" },
        { node: "agent", kind: "llm" },
        { node: "action", kind: "tools" },
        { node: "agent", kind: "llm" },
      ],
      finalAnswerStep: 4,
      finalMessage: "Based on the search results: I looked up: current weather in san francisco. Result: It's sunny.",
      ended: "finished",
      fields: { city: "sf", notes: { a: 1 } },
    });
    expect(checks.map(describeCheck)).toEqual([
      "ends (does not stay paused)",
      "no node errors",
      "visits agent",
      "visits ask_human",
      "visits action before the final answer",
      "the final message contains 'Based on the search results: I looked up: current weather'",
      "state field city equals 'sf'",
      "at most 5 steps",
    ]);
  });

  it("does not claim an end, an answer or no errors that the run did not have", () => {
    expect(proposeChecks({ steps: [{ node: "agent", kind: "llm" }], ended: "paused" }).map(describeCheck)).toEqual(["no node errors", "visits agent", "at most 1 step"]);
    expect(proposeChecks({ steps: [], ended: "error" })).toEqual([]);
  });
});

describe("CHECK_KINDS", () => {
  it("offers every check type once, each with a blank the form fills in", () => {
    const types = CHECK_KINDS.map((kind) => kind.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types.sort()).toEqual(["ends", "field-equals", "final-message-contains", "max-steps", "no-errors", "visits", "visits-before-final-answer"]);
    for (const kind of CHECK_KINDS) {
      const blank = kind.blank();
      expect(blank.type).toBe(kind.type);
      expect(Object.keys(blank).filter((key) => key !== "type").sort()).toEqual(kind.inputs.map((input) => input.name).sort());
    }
  });
});
