import { Command } from "@langchain/langgraph";
import { SEED_QUESTION } from "../../helpers/seed";

/**
 * Scripted sessions against a compiled graph: Switchyard's engine and an exported project are
 * driven through the same calls and must leave the same trace. Used in-process by the tests and
 * in a child process (run-exported.ts, under tsx) for the exported project.
 */
export type Step =
  | { kind: "stream"; input: Record<string, unknown> | null }
  | { kind: "resume"; value: unknown }
  /** Answer the pending call of the last AI message with a tool message, written as `asNode`. */
  | { kind: "answer-call"; content: string; asNode: string; field: string };

export const scenarios: Record<string, Step[]> = {
  seed: [
    { kind: "stream", input: { messages: [{ role: "human", content: SEED_QUESTION }] } },
    { kind: "answer-call", content: "san francisco", asNode: "ask_human", field: "messages" },
    { kind: "stream", input: null },
  ],
  // Both researcher tasks of the for-each pause before their approve node; continuing runs them on.
  compose: [
    { kind: "stream", input: { messages: [{ role: "human", content: "Write a report" }], topics: ["tides", "moons"] } },
    { kind: "stream", input: null },
  ],
  support: [{ kind: "stream", input: { messages: [{ role: "human", content: "The API keeps failing for me" }] } }],
  billing: [{ kind: "stream", input: { messages: [{ role: "human", content: "My invoice is wrong" }] } }],
  kitchen: [
    { kind: "stream", input: { chat: [{ role: "user", content: "Paris" }] } },
    { kind: "resume", value: "paris please" },
    { kind: "stream", input: null },
  ],
};

interface GraphLike {
  stream(input: unknown, options: Record<string, unknown>): Promise<AsyncIterable<unknown>>;
  getState(config: Record<string, unknown>): Promise<{ next: string[]; values: Record<string, unknown>; tasks?: Array<{ interrupts?: unknown[] }> }>;
  updateState(config: Record<string, unknown>, values: Record<string, unknown>, asNode?: string): Promise<unknown>;
}

/** Runs the steps on one thread and returns every node update and paused state, with random ids numbered by first use. */
export async function runScenario(graph: GraphLike, steps: Step[]): Promise<unknown[]> {
  const config = { configurable: { thread_id: "scenario" } };
  const trace: unknown[] = [];
  for (const step of steps) {
    if (step.kind === "answer-call") {
      const state = await graph.getState(config);
      const last = (state.values[step.field] as Array<{ tool_calls?: Array<{ id: string }> }>).at(-1);
      const values = { [step.field]: [{ type: "tool", tool_call_id: last?.tool_calls?.[0]?.id, content: step.content }] };
      await graph.updateState(config, values, step.asNode);
      trace.push({ updatedAs: step.asNode });
    } else {
      const input = step.kind === "resume" ? new Command({ resume: step.value }) : step.input;
      for await (const chunk of await graph.stream(input, { ...config, streamMode: "updates" })) trace.push(plain(chunk));
    }
    const state = await graph.getState(config);
    trace.push({ next: state.next, values: plain(state.values) });
  }
  return numberIds(trace);
}

/** LangChain messages as the fields a user sees; everything else as JSON. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown> & { _getType?: () => string };
  if (typeof record._getType === "function") {
    const message: Record<string, unknown> = { type: record._getType(), content: record.content, id: record.id };
    const calls = record.tool_calls as Array<{ name: string; args: unknown; id: string }> | undefined;
    if (calls?.length) message.tool_calls = calls.map((call) => ({ name: call.name, args: call.args, id: call.id }));
    if (record.name) message.name = record.name;
    if (record.tool_call_id) message.tool_call_id = record.tool_call_id;
    return message;
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, plain(item)]));
}

// Message ids (uuid), tool call ids and interrupt ids (a hash of the task) differ on every run.
const RANDOM_ID = /^(call_[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/;

function numberIds(trace: unknown[]): unknown[] {
  const seen = new Map<string, string>();
  const walk = (value: unknown): unknown => {
    if (typeof value === "string" && RANDOM_ID.test(value)) {
      if (!seen.has(value)) seen.set(value, `id#${seen.size + 1}`);
      return seen.get(value);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  return trace.map(walk);
}
