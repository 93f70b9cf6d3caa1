import type { FlowTestReport, FlowTestResult } from "../../../shared/flow-test-result";
import { summarize } from "../../../shared/flow-test-result";
import { jsonReport } from "../../../main/flow-tests/reporters/json";
import { junitReport } from "../../../main/flow-tests/reporters/junit";
import { prettyReport } from "../../../main/flow-tests/reporters/pretty";
import { childrenNamed, expectJunitShape, parseXml } from "./junit-xml";

const base: Omit<FlowTestResult, "name" | "status"> = {
  graph: "agent",
  provider: "scripted",
  thread_id: "t-1",
  checkpoint_id: "c-4",
  ended: "finished",
  paused_at: [],
  steps: [],
  checks: [],
  unused_answers: 0,
  duration_ms: 120,
};

const results: FlowTestResult[] = [
  { ...base, name: "passes", status: "passed" },
  {
    ...base,
    name: 'fails <on "purpose"> & more',
    status: "failed",
    message: "the final message contains 'rainy': the final message is \"It's <sunny> & warm\"",
    checks: [
      { check: { type: "ends" }, description: "ends (does not stay paused)", passed: true, actual: "the run finished", checkpoint_id: "c-4" },
      { check: { type: "final-message-contains", text: "rainy" }, description: "the final message contains 'rainy'", passed: false, actual: "the final message is \"It's <sunny> & warm\"", checkpoint_id: "c-4" },
    ],
    unused_answers: 1,
  },
  { ...base, name: "broken graph", status: "error", message: "graph cannot run\nnodes[0]: problem", thread_id: null, checkpoint_id: null, ended: null },
  { ...base, name: "real one", status: "skipped", message: "no openai key configured", thread_id: null, checkpoint_id: null, ended: null },
];
const report: FlowTestReport = { graph: "agent", file: "agent.tests.json", results, summary: summarize(results), duration_ms: 480 };

describe("reporters", () => {
  it("junit: well-formed XML in the JUnit shape, with the failing check and its actual value", () => {
    const root = parseXml(junitReport([report]));
    expectJunitShape(root);
    expect(root.attributes).toMatchObject({ tests: "4", failures: "1", errors: "1", skipped: "1" });
    const cases = childrenNamed(childrenNamed(root, "testsuite")[0], "testcase");
    expect(cases.map((testcase) => testcase.attributes.name)).toEqual(["passes", 'fails <on "purpose"> & more', "broken graph", "real one"]);
    const failure = childrenNamed(cases[1], "failure")[0];
    expect(failure.attributes.message).toBe(results[1].message);
    expect(failure.text).toContain("the final message contains 'rainy'\n  actual: the final message is \"It's <sunny> & warm\"");
    expect(childrenNamed(cases[2], "error")[0].attributes.message).toBe("graph cannot run\nnodes[0]: problem");
    expect(childrenNamed(cases[3], "skipped")[0].attributes.message).toBe("no openai key configured");
    expect(childrenNamed(cases[1], "system-out")[0].text).toBe("thread t-1 checkpoint c-4");
  });

  it("junit: drops characters XML cannot carry", () => {
    const odd = { ...results[1], name: "bell\u0007 name", message: "nul\u0000 message" };
    const root = parseXml(junitReport([{ ...report, results: [odd], summary: summarize([odd]) }]));
    expect(childrenNamed(childrenNamed(root, "testsuite")[0], "testcase")[0].attributes.name).toBe("bell name");
  });

  it("pretty: a line per test, and under a red one the failing check and what actually happened", () => {
    const text = prettyReport([report]);
    expect(text).toContain("agent.tests.json\n  ✓ passes (0.12 s)\n  ✗ fails");
    expect(text).toContain("      ✗ the final message contains 'rainy'\n        actual: the final message is \"It's <sunny> & warm\"");
    expect(text).toContain("note: 1 answer was not used");
    expect(text).toContain("run: thread t-1 at checkpoint c-4");
    expect(text).toContain("  ! broken graph (0.12 s)\n      could not run: graph cannot run");
    expect(text).toContain("  - real one (0.12 s) skipped: no openai key configured");
    expect(text.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed, 1 could not run, 1 skipped");
  });

  it("json: the reports and one summary over all of them", () => {
    const parsed = JSON.parse(jsonReport([report, report]));
    expect(parsed.summary).toEqual({ total: 8, passed: 2, failed: 2, errors: 2, skipped: 2 });
    expect(parsed.reports[0].results[1].checks[1].actual).toBe(results[1].checks[1].actual);
  });
});
