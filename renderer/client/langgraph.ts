import type { Client } from "@langchain/langgraph-sdk";
import { apiBase } from "./request";

/**
 * The LangGraph Platform API through the official SDK: the same calls work against
 * `switchyard serve` and a real LangGraph deployment. `apiKey: null` keeps the SDK from
 * looking for keys in an environment the browser does not have.
 */
let client: Promise<Client> | null = null;

/** A LangGraph server other than the page's own: a remote deployment (its key only in memory). */
export interface ApiTarget {
  url: string;
  apiKey?: string;
}

let target: ApiTarget | null = null;

/** Points the SDK client at a deployment, or back at the page's own server with `null`. */
export function setApiTarget(next: ApiTarget | null): void {
  if (next?.url === target?.url && next?.apiKey === target?.apiKey) return;
  target = next;
  client = null;
}

export function apiTarget(): ApiTarget | null {
  return target;
}

/** An SDK client for a given server: the one the app uses, or one to try a deployment with. */
export function clientFor(server: ApiTarget | null): Promise<Client> {
  return import("@langchain/langgraph-sdk").then(({ Client }) => new Client({ apiUrl: server?.url ?? apiBase(), apiKey: server?.apiKey || null, defaultHeaders: {} }));
}

/** The SDK is loaded on first use (the first run), keeping it out of the editor's start-up. */
export function langgraphClient(): Promise<Client> {
  client ??= clientFor(target);
  return client;
}

export interface RunStreamPart {
  event: string;
  data: unknown;
}

/** Starts a run of a graph on a new thread and yields its stream parts (updates + metadata). */
export async function* streamNewRun(graphName: string, input: Record<string, unknown>, signal?: AbortSignal): AsyncGenerator<RunStreamPart & { threadId: string }> {
  const api = await langgraphClient();
  const thread = await api.threads.create({ graphId: graphName });
  const stream = api.runs.stream(thread.thread_id, graphName, { input, streamMode: ["updates"], signal });
  for await (const part of stream) yield { threadId: thread.thread_id, event: part.event, data: part.data };
}
