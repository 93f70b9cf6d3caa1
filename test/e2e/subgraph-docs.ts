import { writeFileSync } from "node:fs";
import { serializeGraphDoc } from "../../shared/graph-serialize";
import type { GraphDoc } from "../../shared/graph-doc";
import type { Workspace } from "./fixtures";

/**
 * Graph files for the subgraph debugger specs, in research-team's shapes: a two-level graph
 * (team runs the researcher subgraph, with a person's approval inside, beside a quick search,
 * both joined before the writer) and two interrupt() questions asked in parallel branches.
 */
const at = (x: number, y: number) => ({ x, y });

export function researcherDoc(): GraphDoc {
  return {
    version: 1,
    name: "researcher",
    entry: "look",
    state: {
      fields: {
        messages: { type: "messages", reducer: "messages" },
        findings: { type: "list", reducer: "append" },
        scratch: { type: "string", reducer: "replace" },
      },
    },
    nodes: [
      { id: "look", kind: "set", position: at(0, 0), config: { values: { scratch: "three sources" } } },
      { id: "approve", kind: "human", position: at(0, 150), breakpoint: { before: true }, config: { mode: "breakpoint", askTool: "AskHuman", askToolDescription: "Ask the person to approve the notes.", question: "Keep {{state.scratch}}?" } },
      { id: "write", kind: "set", position: at(0, 300), config: { values: { findings: "[\"{{state.scratch}}: {{last_message}}\"]" } } },
    ],
    edges: [
      { id: "look-approve", source: "look", target: "approve" },
      { id: "approve-write", source: "approve", target: "write" },
    ],
  };
}

export function teamDoc(): GraphDoc {
  return {
    version: 1,
    name: "team",
    entry: "plan",
    state: {
      fields: {
        messages: { type: "messages", reducer: "messages" },
        notes: { type: "list", reducer: "append" },
        findings: { type: "list", reducer: "append" },
        report: { type: "string", reducer: "replace" },
      },
    },
    nodes: [
      { id: "plan", kind: "set", position: at(150, 0), config: { values: { notes: "[\"plan\"]" } } },
      { id: "research", kind: "subgraph", position: at(0, 160), config: { graph: "researcher" } },
      { id: "quick", kind: "set", position: at(300, 160), config: { values: { notes: "[\"quick\"]" } } },
      { id: "writer", kind: "set", position: at(150, 320), join: true, config: { values: { report: "{{state.findings}}" } } },
    ],
    edges: [
      { id: "plan-research", source: "plan", target: "research" },
      { id: "plan-quick", source: "plan", target: "quick" },
      { id: "research-writer", source: "research", target: "writer" },
      { id: "quick-writer", source: "quick", target: "writer" },
    ],
  };
}

export function askTwiceDoc(): GraphDoc {
  const ask = (id: string, x: number, question: string) => ({ id, kind: "human" as const, position: at(x, 150), config: { mode: "interrupt" as const, askTool: "AskHuman", askToolDescription: "Ask", question } });
  return {
    version: 1,
    name: "ask_twice",
    entry: "fork",
    state: { fields: { messages: { type: "messages", reducer: "messages" }, notes: { type: "list", reducer: "append" } } },
    nodes: [
      { id: "fork", kind: "set", position: at(150, 0), config: { values: { notes: "[\"fork\"]" } } },
      ask("ask_city", 0, "Which city?"),
      ask("ask_day", 300, "Which day?"),
      { id: "done", kind: "set", position: at(150, 300), join: true, config: { values: { notes: "[\"done\"]" } } },
    ],
    edges: [
      { id: "fork-city", source: "fork", target: "ask_city" },
      { id: "fork-day", source: "fork", target: "ask_day" },
      { id: "city-done", source: "ask_city", target: "done" },
      { id: "day-done", source: "ask_day", target: "done" },
    ],
  };
}

export function writeGraphs(workspace: Workspace, ...docs: GraphDoc[]): void {
  for (const doc of docs) writeFileSync(workspace.file(doc.name), serializeGraphDoc(doc));
}

/** researcher for a for-each: one task per topic, each asking its own approval. */
export function topicResearcherDoc(): GraphDoc {
  const doc = researcherDoc();
  doc.state.fields.topic = { type: "string", reducer: "replace" };
  doc.nodes = doc.nodes.map((node) =>
    node.kind === "human" ? { ...node, config: { ...node.config, question: "Keep the notes on {{state.topic}}?" } } : node.id === "write" ? { ...node, config: { values: { findings: "[\"{{state.topic}}: {{last_message}}\"]" } } } : node,
  ) as GraphDoc["nodes"];
  return doc;
}

/** mapper: `plan` lists two topics, a for-each edge runs the researcher subgraph once per topic (as research-team's supervisor does). */
export function mapperDoc(): GraphDoc {
  return {
    version: 1,
    name: "mapper",
    entry: "plan",
    state: {
      fields: {
        messages: { type: "messages", reducer: "messages" },
        topics: { type: "list", reducer: "replace" },
        findings: { type: "list", reducer: "append" },
      },
    },
    nodes: [
      { id: "plan", kind: "set", position: at(0, 0), config: { values: { topics: "[\"tides\", \"moon\"]" } } },
      { id: "research", kind: "subgraph", position: at(0, 200), config: { graph: "researcher" } },
    ],
    edges: [{ id: "plan-research", source: "plan", target: "research", when: { type: "for-each", field: "topics", as: "topic" } }],
  };
}
