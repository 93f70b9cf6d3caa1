import seed from "../../../examples/weather-agent/agent.graph.json";
import type { GraphDoc } from "../../../shared/graph-doc";

/** The weather agent, as the fixture most command tests start from (a fresh copy each time). */
export function seedDoc(): GraphDoc {
  return structuredClone(seed) as GraphDoc;
}

export function emptyDoc(): GraphDoc {
  return { version: 1, name: "g", entry: "start", state: { fields: { messages: { type: "messages", reducer: "messages" } } }, nodes: [], edges: [] };
}
