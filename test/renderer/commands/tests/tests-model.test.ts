import type { FlowTest } from "../../../../shared/flow-test";
import { result } from "./result";
import { addRecordedTest, answerFromNormal, blankTest, firstFailure, freeTestName, removeTest, replaceTest, shownStatus, testNameProblem, withCheck, withRename } from "../../../../renderer/commands/tests/tests-model";

const test1: FlowTest = { name: "New test", input: "hi", answers: [], checks: [] };
const test2: FlowTest = { name: "Recorded run", input: "hi", answers: ["paris"], checks: [{ type: "ends" }] };


describe("the Tests panel's edits of the test list", () => {
  it("names a new test so that no other test has its name", () => {
    expect(freeTestName([])).toBe("New test");
    expect(freeTestName([test1])).toBe("New test 2");
    expect(freeTestName([test1, { ...test1, name: "New test 2" }])).toBe("New test 3");
    expect(blankTest([test1])).toEqual({ name: "New test 2", input: "", answers: [], checks: [{ type: "ends" }, { type: "no-errors" }] });
  });

  it("adds a recorded test under a free name, replaces and removes by position", () => {
    expect(addRecordedTest([test2], test2).map((test) => test.name)).toEqual(["Recorded run", "Recorded run 2"]);
    expect(replaceTest([test1, test2], 1, { ...test2, input: "bye" })[1].input).toBe("bye");
    expect(removeTest([test1, test2], 0)).toEqual([test2]);
  });

  it("edits one check without touching the others", () => {
    const edited = withCheck({ ...test2, checks: [{ type: "ends" }, { type: "visits", node: "agent" }] }, 1, { type: "visits", node: "action" });
    expect(edited.checks).toEqual([{ type: "ends" }, { type: "visits", node: "action" }]);
  });

  it("refuses an empty name and a name another test has", () => {
    expect(testNameProblem([test1, test2], 0, " ")).toBe("A test needs a name");
    expect(testNameProblem([test1, test2], 0, "Recorded run")).toMatch(/already named/);
    expect(testNameProblem([test1, test2], 1, "Recorded run")).toBeNull();
  });

  it("stores a text answer as a plain string unless it names the pause", () => {
    expect(answerFromNormal({ kind: "text", text: "paris" })).toBe("paris");
    expect(answerFromNormal({ kind: "text", node: "ask_human", text: "paris" })).toEqual({ node: "ask_human", text: "paris" });
    expect(answerFromNormal({ kind: "edit", asNode: "ask_human", values: { city: "paris" } })).toEqual({ asNode: "ask_human", values: { city: "paris" } });
    expect(answerFromNormal({ kind: "resume", node: "review", resume: true })).toEqual({ node: "review", resume: true });
  });

  it("shows running over the last result, and not run yet without one", () => {
    const results = { "Recorded run": result({ status: "failed" }) };
    expect(shownStatus("Recorded run", results, [])).toBe("failed");
    expect(shownStatus("Recorded run", results, ["Recorded run"])).toBe("running");
    expect(shownStatus("New test", results, [])).toBe("not-run");
  });

  it("finds the first failing check", () => {
    const failing = { check: { type: "ends" as const }, description: "ends (does not stay paused)", passed: false, actual: "paused before ask_human", checkpoint_id: "cp-3" };
    const passing = { ...failing, passed: true, checkpoint_id: "cp-1" };
    expect(firstFailure(result({ checks: [passing, failing] }))).toBe(failing);
    expect(firstFailure(result({ checks: [passing] }))).toBeUndefined();
  });
});

describe("withRename: which saved test each draft name came from", () => {
  const saved = new Set(["Paris", "Rome"]);
  it("maps the file's name to the latest one, through a chain of renames", () => {
    const once = withRename({}, saved, "Paris", "Paris 2");
    expect(once).toEqual({ Paris: "Paris 2" });
    expect(withRename(once, saved, "Paris 2", "Paris 3")).toEqual({ Paris: "Paris 3" });
  });
  it("forgets a rename back to the saved name, and ignores tests the file does not hold yet", () => {
    expect(withRename({ Paris: "Paris 2" }, saved, "Paris 2", "Paris")).toEqual({});
    expect(withRename({}, saved, "New test", "Lisbon")).toEqual({});
  });
});

