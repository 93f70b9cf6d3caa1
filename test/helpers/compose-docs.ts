import type { GraphDoc } from "../../shared/graph-doc";

/**
 * Small graphs using each construct of issue 18 (subgraph, join, for-each), built from set and
 * human nodes so every update is deterministic; the engine tests compare them with hand-written
 * LangGraph graphs of the same shape.
 */
const at = { x: 0, y: 0 };

/** researcher: notes on state.topic; `scratch` is its own field; `approve` (human) pauses before when asked. */
export function researcherDoc(options: { approve?: boolean } = {}): GraphDoc {
  return {
    version: 1,
    name: "researcher",
    entry: "look",
    state: {
      fields: {
        messages: { type: "messages", reducer: "messages" },
        topic: { type: "string", reducer: "replace" },
        notes: { type: "list", reducer: "append" },
        scratch: { type: "string", reducer: "replace" },
      },
    },
    nodes: [
      { id: "look", kind: "set", position: at, config: { values: { scratch: "looked at {{state.topic}}" } } },
      ...(options.approve ? [{ id: "approve", kind: "human" as const, position: at, breakpoint: { before: true }, config: { mode: "breakpoint" as const, askTool: "AskHuman", askToolDescription: "Ask", question: "Keep {{state.topic}}?" } }] : []),
      { id: "write", kind: "set", position: at, config: { values: { notes: "[\"{{state.scratch}}\"]" } } },
    ],
    edges: options.approve
      ? [
          { id: "look-approve", source: "look", target: "approve" },
          { id: "approve-write", source: "approve", target: "write" },
        ]
      : [{ id: "look-write", source: "look", target: "write" }],
  };
}

/** team: `research` (subgraph researcher) once on state.topic, then `sum_up` writes the report from the notes. */
export function teamDoc(): GraphDoc {
  return {
    version: 1,
    name: "team",
    entry: "research",
    state: {
      fields: {
        messages: { type: "messages", reducer: "messages" },
        topic: { type: "string", reducer: "replace" },
        notes: { type: "list", reducer: "append" },
        report: { type: "string", reducer: "replace" },
      },
    },
    nodes: [
      { id: "research", kind: "subgraph", position: at, config: { graph: "researcher" } },
      { id: "sum_up", kind: "set", position: at, config: { values: { report: "{{state.notes}}" } } },
    ],
    edges: [{ id: "research-sum_up", source: "research", target: "sum_up" }],
  };
}

/** fork: `split` fans out to `a` (then `a2`) and `b`; `merge` joins them when `join` is set. */
export function forkDoc(join: boolean): GraphDoc {
  const note = (text: string) => ({ values: { notes: `["${text}"]` } });
  return {
    version: 1,
    name: "fork",
    entry: "split",
    state: { fields: { notes: { type: "list", reducer: "append" } } },
    nodes: [
      { id: "split", kind: "set", position: at, config: note("split") },
      { id: "a", kind: "set", position: at, config: note("a") },
      { id: "a2", kind: "set", position: at, config: note("a2") },
      { id: "b", kind: "set", position: at, config: note("b") },
      { id: "merge", kind: "set", position: at, ...(join ? { join: true } : {}), config: note("merge") },
    ],
    edges: [
      { id: "split-a", source: "split", target: "a" },
      { id: "split-b", source: "split", target: "b" },
      { id: "a-a2", source: "a", target: "a2" },
      { id: "a2-merge", source: "a2", target: "merge" },
      { id: "b-merge", source: "b", target: "merge" },
    ],
  };
}

/** mapper: `plan` sends one `summarize` task per item of state.topics, each with `topic` set. */
export function mapperDoc(): GraphDoc {
  return {
    version: 1,
    name: "mapper",
    entry: "plan",
    state: {
      fields: {
        topics: { type: "list", reducer: "replace" },
        topic: { type: "string", reducer: "replace" },
        notes: { type: "list", reducer: "append" },
      },
    },
    nodes: [
      { id: "plan", kind: "set", position: at, config: { values: { notes: "[\"plan\"]" } } },
      { id: "summarize", kind: "set", position: at, config: { values: { notes: "[\"about {{state.topic}}\"]" } } },
    ],
    edges: [{ id: "plan-summarize", source: "plan", target: "summarize", when: { type: "for-each", field: "topics", as: "topic" } }],
  };
}

/** askTwice: `fork` runs two interrupt()-mode human nodes in parallel; `done` joins them. */
export function askTwiceDoc(): GraphDoc {
  const ask = (id: string, question: string) => ({ id, kind: "human" as const, position: at, config: { mode: "interrupt" as const, askTool: "AskHuman", askToolDescription: "Ask", question } });
  return {
    version: 1,
    name: "ask_twice",
    entry: "fork",
    state: { fields: { messages: { type: "messages", reducer: "messages" }, notes: { type: "list", reducer: "append" } } },
    nodes: [
      { id: "fork", kind: "set", position: at, config: { values: { notes: "[\"fork\"]" } } },
      ask("ask_city", "Which city?"),
      ask("ask_day", "Which day?"),
      { id: "done", kind: "set", position: at, join: true, config: { values: { notes: "[\"done\"]" } } },
    ],
    edges: [
      { id: "fork-city", source: "fork", target: "ask_city" },
      { id: "fork-day", source: "fork", target: "ask_day" },
      { id: "city-done", source: "ask_city", target: "done" },
      { id: "day-done", source: "ask_day", target: "done" },
    ],
  };
}

export function graphsOf(...docs: GraphDoc[]): Map<string, GraphDoc> {
  return new Map(docs.map((doc) => [doc.name, doc]));
}
