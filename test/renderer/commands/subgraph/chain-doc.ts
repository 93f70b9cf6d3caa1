import type { GraphDoc } from "../../../../shared/graph-doc";

/** START -> prep -> a -> b -> c -> finish -> END, set nodes over a few fields: the fixture of the subgraph commands. */
export function chainDoc(): GraphDoc {
  const set = (id: string, y: number, values: Record<string, string>) => ({ id, kind: "set" as const, position: { x: 100, y }, config: { values } });
  return {
    version: 1,
    name: "agent",
    entry: "prep",
    state: {
      fields: {
        messages: { type: "messages", reducer: "messages" },
        topic: { type: "string", reducer: "replace" },
        notes: { type: "list", reducer: "append" },
        draft: { type: "string", reducer: "replace" },
        report: { type: "string", reducer: "replace" },
      },
    },
    nodes: [
      set("prep", 0, { topic: "weather" }),
      set("a", 150, { notes: "looked at {{state.topic}}" }),
      set("b", 300, { notes: "second look" }),
      set("c", 450, { draft: "{{state.notes}}" }),
      set("finish", 600, { report: "{{state.draft}}" }),
    ],
    edges: [
      { id: "prep-a", source: "prep", target: "a" },
      { id: "a-b", source: "a", target: "b" },
      { id: "b-c", source: "b", target: "c" },
      { id: "c-finish", source: "c", target: "finish" },
      { id: "finish-end", source: "finish", target: "__end__" },
    ],
  };
}
