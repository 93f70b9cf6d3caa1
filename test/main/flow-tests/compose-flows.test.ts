import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FlowTest } from "../../../shared/flow-test";
import { flowTestProblems } from "../../../shared/flow-test-validate";
import { serializeGraphDoc } from "../../../shared/graph-serialize";
import { workspaceGraphs } from "../../../main/engine";
import { runFlowTest } from "../../../main/flow-tests/run-test";
import { runTests, testedGraph } from "../../../main/flow-tests/run-suite";
import { readTestsFile } from "../../../main/flow-tests/tests-file";
import { askTwiceDoc } from "../../helpers/compose-docs";
import { repoRoot } from "../../helpers/seed";
import { openTempWorkspace, type OpenWorkspace } from "./helpers";

const researchTeam = join(repoRoot, "examples/research-team");

describe("flow tests of composed graphs", () => {
  let open: OpenWorkspace;
  afterEach(async () => open.close());

  it("name steps inside subgraphs by path and answer each researcher's pause of the for-each", async () => {
    open = openTempWorkspace(researchTeam);
    const loaded = await readTestsFile(open.workspace.dir, "supervisor");
    const report = await runTests(open.runner, await testedGraph(open.workspace, "supervisor"), loaded.file, loaded.tests!.tests);
    expect(report.results.map((result) => [result.name, result.status, result.message])).toEqual(loaded.tests!.tests.map((test) => [test.name, "passed", undefined]));
    const [both, unanswered] = report.results;
    const inner = both.steps.filter((step) => step.node.startsWith("research > "));
    expect(inner.map((step) => `${step.node}:${step.via}`).filter((name) => name.includes("approve"))).toEqual(["research > approve:answer", "research > approve:answer"]);
    expect(inner.every((step) => step.checkpoint_ns?.startsWith("research:"))).toBe(true);
    expect(both.unused_answers).toBe(0);
    expect(unanswered.ended).toBe("paused");
    expect(unanswered.paused_at).toEqual(["research"]);
  });

  it("fails a check naming an inner node that never ran, and warns about a path that does not exist", async () => {
    open = openTempWorkspace(researchTeam);
    const graph = await testedGraph(open.workspace, "supervisor");
    const test: FlowTest = { name: "never approved", input: { topics: ["tides"] }, answers: [], checks: [{ type: "visits", node: "research > keep" }] };
    const result = await runFlowTest(open.runner, graph, test);
    expect(result.status).toBe("failed");
    expect(result.message).toContain("research > keep was never visited (path: plan → research > searcher → research > search → research > take_notes)");
    const file = { version: 1 as const, tests: [{ ...test, checks: [{ type: "visits" as const, node: "research > nowhere" }, { type: "visits" as const, node: "research > search" }] }] };
    expect(flowTestProblems(file, graph.doc!, await workspaceGraphs(open.workspace)).map((problem) => problem.message)).toEqual([`no node "research > nowhere" in graph "supervisor"`]);
  });

  it("answer two interrupts pending at once in parallel branches, each by its node", async () => {
    open = openTempWorkspace(researchTeam);
    writeFileSync(join(open.workspace.dir, "ask_twice.graph.json"), serializeGraphDoc(askTwiceDoc()));
    const graph = await testedGraph(open.workspace, "ask_twice");
    const test: FlowTest = {
      name: "both asked",
      input: "plan a trip",
      answers: [{ node: "ask_day", text: "Sunday" }, { node: "ask_city", text: "Lisbon" }],
      checks: [{ type: "visits", node: "done" }, { type: "ends" }],
    };
    const result = await runFlowTest(open.runner, graph, test);
    expect([result.status, result.message]).toEqual(["passed", undefined]);
    const onlyOne = await runFlowTest(open.runner, graph, { ...test, name: "one answer", answers: [{ node: "ask_city", text: "Lisbon" }], checks: [{ type: "ends" }] });
    expect(onlyOne.status).toBe("failed");
    expect(onlyOne.paused_at).toEqual(["ask_day"]);
  });

  it("say which node inside a subgraph calls a real provider before running a scripted test", async () => {
    open = openTempWorkspace(researchTeam);
    const file = join(open.workspace.dir, "researcher.graph.json");
    const researcher = JSON.parse(readFileSync(file, "utf8"));
    researcher.nodes.find((node: { id: string }) => node.id === "searcher").config = { provider: "openai", model: "gpt-4o-mini", tools: ["search"] };
    writeFileSync(file, JSON.stringify(researcher));
    const result = await runFlowTest(open.runner, await testedGraph(open.workspace, "supervisor"), { name: "scripted", input: { topics: ["tides"] }, answers: [], checks: [] });
    expect([result.status, result.message]).toEqual(["error", `node research > searcher calls the openai provider: mark the test "provider": "real" (or script the node's replies)`]);
    const real = await runFlowTest(open.runner, await testedGraph(open.workspace, "supervisor"), { name: "real", provider: "real", input: { topics: ["tides"] }, answers: [], checks: [] });
    expect([real.status, real.message]).toEqual(["skipped", "no openai key configured (node research > searcher uses openai: set OPENAI_API_KEY or add the key in Settings)"]);
  });
});
