import type { FlowTest } from "../../../../shared/flow-test";
import type { FlowTestReport, FlowTestsFileResponse } from "../../../../shared/flow-test-result";
import { testsApi } from "../../../../renderer/client/tests-api";
import { ApiError } from "../../../../renderer/client/request";
import { openThread } from "../../../../renderer/commands/run/threads";
import { editTest } from "../../../../renderer/commands/tests/edit-test";
import { loadTests } from "../../../../renderer/commands/tests/load-tests";
import { openFailingRun } from "../../../../renderer/commands/tests/open-failing-run";
import { saveRunAsTest } from "../../../../renderer/commands/tests/record-test";
import { recordCassettes } from "../../../../renderer/commands/tests/record-cassettes";
import { runTests } from "../../../../renderer/commands/tests/run-tests";
import { saveTests } from "../../../../renderer/commands/tests/save-tests";
import { useRunStore } from "../../../../renderer/stores/run-store";
import { emptyTests, testsDirty, useTestsStore } from "../../../../renderer/stores/tests-store";
import { useThreadStore } from "../../../../renderer/stores/thread-store";
import { useUiStore } from "../../../../renderer/stores/ui-store";
import { result } from "./result";

vi.mock("../../../../renderer/client/tests-api", () => ({ testsApi: { read: vi.fn(), save: vi.fn(), run: vi.fn(), fromThread: vi.fn() } }));
vi.mock("../../../../renderer/commands/save-graph", () => ({ saveGraph: vi.fn(async () => undefined) }));
vi.mock("../../../../renderer/commands/run/threads", () => ({ openThread: vi.fn(async () => undefined) }));

const api = vi.mocked(testsApi);
const seed: FlowTest = { name: "San Francisco", input: "weather?", answers: ["san francisco"], checks: [{ type: "ends" }] };

function fileResponse(tests: FlowTest[], hash = "h1"): FlowTestsFileResponse {
  return { graph: "agent", file: "agent.tests.json", exists: true, doc: { version: 1, tests }, text: "", hash, problems: [], last_results: {} };
}

beforeEach(() => {
  vi.clearAllMocks();
  useTestsStore.setState({ ...emptyTests(), graph: null });
});

describe("flow test commands", () => {
  it("loads a graph's tests with their last results", async () => {
    api.read.mockResolvedValue({ ...fileResponse([seed]), last_results: { "San Francisco": result({ name: "San Francisco" }) } });
    await loadTests("agent");
    const state = useTestsStore.getState();
    expect(state.tests).toEqual([seed]);
    expect(testsDirty(state)).toBe(false);
    expect(state.hash).toBe("h1");
    expect(state.results["San Francisco"].status).toBe("passed");
  });

  it("saves the draft with the hash it was read at, and keeps the draft when the file changed on disk", async () => {
    api.read.mockResolvedValue(fileResponse([seed]));
    await loadTests("agent");
    const edited = [{ ...seed, input: "weather now?" }];
    useTestsStore.setState({ tests: edited });
    api.save.mockRejectedValueOnce(new ApiError(409, "changed", {}));
    expect(await saveTests()).toBe(false);
    expect(useTestsStore.getState().tests).toBe(edited);
    expect(useTestsStore.getState().error).toMatch(/changed on disk/);

    api.save.mockResolvedValueOnce(fileResponse(edited, "h2"));
    expect(await saveTests()).toBe(true);
    expect(api.save).toHaveBeenLastCalledWith("agent", { version: 1, tests: edited }, "h1", {});
    expect(useTestsStore.getState().hash).toBe("h2");
    expect(testsDirty(useTestsStore.getState())).toBe(false);
  });

  it("a renamed test takes its last result along at once, and the save names the rename", async () => {
    api.read.mockResolvedValue({ ...fileResponse([seed]), last_results: { "San Francisco": result({ name: "San Francisco" }) } });
    await loadTests("agent");
    editTest(0, { ...seed, name: "SF" });
    editTest(0, { ...seed, name: "SF, twice renamed" });
    expect(Object.keys(useTestsStore.getState().results)).toEqual(["SF, twice renamed"]);
    expect(useTestsStore.getState().results["SF, twice renamed"]).toMatchObject({ name: "SF, twice renamed", status: "passed" });
    api.save.mockResolvedValueOnce(fileResponse([{ ...seed, name: "SF, twice renamed" }], "h2"));
    expect(await saveTests()).toBe(true);
    expect(api.save).toHaveBeenLastCalledWith("agent", { version: 1, tests: [{ ...seed, name: "SF, twice renamed" }] }, "h1", { "San Francisco": "SF, twice renamed" });
    expect(useTestsStore.getState().renames).toEqual({});
  });

  it("runs one test and records its result; the running mark is cleared after", async () => {
    api.read.mockResolvedValue(fileResponse([seed]));
    await loadTests("agent");
    const failed = result({ name: "San Francisco", status: "failed" });
    api.run.mockImplementation(async () => {
      expect(useTestsStore.getState().running).toEqual(["San Francisco"]);
      return { graph: "agent", file: "agent.tests.json", results: [failed], summary: { total: 1, passed: 0, failed: 1, errors: 0, skipped: 0 }, duration_ms: 5 } satisfies FlowTestReport;
    });
    await runTests(["San Francisco"]);
    expect(api.run).toHaveBeenCalledWith("agent", ["San Francisco"], undefined);
    expect(useTestsStore.getState().results["San Francisco"]).toBe(failed);
    expect(useTestsStore.getState().running).toEqual([]);
  });

  it("records the open thread as a new test, opened in the editor under a free name", async () => {
    api.read.mockResolvedValue(fileResponse([{ ...seed, name: "Recorded run" }]));
    await loadTests("agent");
    useRunStore.setState({ threadId: "thread-9", status: "done" });
    api.fromThread.mockResolvedValue({ test: { ...seed, name: "Recorded run 2" }, notes: ["a state edit was recorded as an answer"] });
    expect(await saveRunAsTest()).toBe(true);
    expect(api.fromThread).toHaveBeenCalledWith("agent", "thread-9", "Recorded run 2");
    const state = useTestsStore.getState();
    expect(state.tests.map((test) => test.name)).toEqual(["Recorded run", "Recorded run 2"]);
    expect(state.selected).toBe(1);
    expect(state.notes).toHaveLength(1);
    expect(testsDirty(state)).toBe(true);
    expect(useUiStore.getState().bottomTab).toBe("tests");
  });

  it("opens a failing run at the failing check's checkpoint, on the timeline", async () => {
    const failing = { check: { type: "ends" as const }, description: "ends", passed: false, actual: "paused", checkpoint_id: "cp-failing" };
    await openFailingRun(result({ status: "failed", thread_id: "thread-3", checks: [failing] }));
    expect(openThread).toHaveBeenCalledWith("thread-3");
    expect(useThreadStore.getState().selectedCheckpoint).toBe("cp-failing");
    expect(useUiStore.getState().bottomTab).toBe("timeline");
  });
});

describe("switching graphs", () => {
  it("saves the previous graph's unsaved test edits before loading the next graph's tests", async () => {
    api.read.mockResolvedValueOnce(fileResponse([seed]));
    await loadTests("agent");
    const edited = [{ ...seed, input: "edited" }];
    useTestsStore.setState({ tests: edited });
    api.save.mockResolvedValueOnce(fileResponse(edited, "h2"));
    api.read.mockResolvedValueOnce({ ...fileResponse([]), graph: "triage", file: "triage.tests.json" });
    await loadTests("triage");
    expect(api.save).toHaveBeenCalledWith("agent", { version: 1, tests: edited }, "h1", {});
    expect(useTestsStore.getState()).toMatchObject({ graph: "triage", tests: [], file: "triage.tests.json" });
  });
});

describe("cassette commands (Record / Re-record missing)", () => {
  const real: FlowTest = { ...seed, name: "real one", provider: "real" };

  it("record runs only the real-provider tests in the given mode, then reads the cassettes' status again", async () => {
    api.read.mockResolvedValue({ ...fileResponse([seed, real]), cassettes: { "real one": { status: "missing" } } });
    await loadTests("agent");
    expect(useTestsStore.getState().cassettes).toEqual({ "real one": { status: "missing" } });
    api.run.mockResolvedValue({ graph: "agent", file: "agent.tests.json", results: [result({ name: "real one" })], summary: { total: 1, passed: 1, failed: 0, errors: 0, skipped: 0 }, duration_ms: 1 } as FlowTestReport);
    api.read.mockResolvedValue({ ...fileResponse([seed, real]), cassettes: { "real one": { status: "recorded" } } });
    await recordCassettes("record-missing");
    expect(api.run).toHaveBeenCalledWith("agent", ["real one"], "record-missing");
    expect(useTestsStore.getState().cassettes).toEqual({ "real one": { status: "recorded" } });
  });

  it("with no real-provider test, says why and runs nothing", async () => {
    api.read.mockResolvedValue(fileResponse([seed]));
    await loadTests("agent");
    await recordCassettes("record");
    expect(api.run).not.toHaveBeenCalled();
    expect(useUiStore.getState().toasts.at(-1)?.message).toContain('"provider": "real"');
  });
});
