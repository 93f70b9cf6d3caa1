import { graphDocSchema } from "../../../../shared/graph-doc";
import { runBreakpointsOf } from "../../../../renderer/commands/run/breakpoints";
import { pauseAskOf } from "../../../../renderer/commands/run/pause-ask";
import { setBreakpoint } from "../../../../renderer/commands/set-breakpoint";
import { hitCountProblem, setBreakpointCondition } from "../../../../renderer/commands/set-breakpoint-condition";
import { seedDoc } from "../seed";
import { workspaceView } from "../../stores/open-graph-views";

const says = { type: "last-message-contains" as const, text: "two" };
const agentOf = (doc: ReturnType<typeof seedDoc>) => doc.nodes.find((node) => node.id === "agent")!;

describe("conditional breakpoints (commands)", () => {
  it("a rule or a hit count replaces the plain pause before (the engine pauses with interrupt()), and the document stays valid", () => {
    const ruled = setBreakpointCondition.apply(seedDoc(), { id: "agent", when: says, hitCount: null }).doc;
    expect(agentOf(ruled).breakpoint).toEqual({ when: says });
    expect(runBreakpointsOf(workspaceView(ruled)).interruptBefore).toEqual(["ask_human"]);
    const both = setBreakpointCondition.apply(ruled, { id: "agent", when: says, hitCount: 3 }).doc;
    expect(agentOf(both).breakpoint).toEqual({ when: says, hitCount: 3 });
    expect(graphDocSchema.safeParse(both).success).toBe(true);
    expect(setBreakpointCondition.apply(both, { id: "agent", when: says, hitCount: 3 }).doc).toBe(both);
  });

  it("no condition left means pausing every time again; turning pause before off drops the condition too", () => {
    const ruled = setBreakpointCondition.apply(seedDoc(), { id: "agent", when: says, hitCount: 2 }).doc;
    const every = setBreakpointCondition.apply(ruled, { id: "agent", when: null, hitCount: null }).doc;
    expect(agentOf(every).breakpoint).toEqual({ before: true });
    const off = setBreakpoint.apply(ruled, { id: "agent", side: "before", on: false }).doc;
    expect(agentOf(off).breakpoint).toBeUndefined();
  });

  it("keeps pause after as it was", () => {
    const after = setBreakpoint.apply(seedDoc(), { id: "agent", side: "after", on: true }).doc;
    expect(agentOf(setBreakpointCondition.apply(after, { id: "agent", when: null, hitCount: 2 }).doc).breakpoint).toEqual({ after: true, hitCount: 2 });
  });

  it("a hit count is a whole number from 1", () => {
    expect(hitCountProblem("3")).toBeNull();
    expect(hitCountProblem("")).toBeNull();
    expect(hitCountProblem("0")).toMatch(/whole number from 1/);
    expect(hitCountProblem("2.5")).toMatch(/whole number from 1/);
    expect(hitCountProblem("x")).toMatch(/whole number from 1/);
  });

  it("a conditional breakpoint's pause asks nothing (Continue resumes it); another interrupt asks for a value", () => {
    const input = { view: workspaceView(seedDoc()), status: "paused", values: {}, lastNode: null };
    const payload = { breakpoint: "agent", hit: 1, condition: says };
    expect(pauseAskOf({ ...input, pause: { kind: "interrupt", node: "agent", payload } })).toBeNull();
    expect(pauseAskOf({ ...input, pause: { kind: "interrupt", node: "agent", payload: { question: "Where?" } } })).toMatchObject({ kind: "resume" });
  });
});
