import type { Client } from "@langchain/langgraph-sdk";
import { apiBase } from "./request";

/** A LangGraph server other than the page's own: a remote deployment (its key only in memory). */
export interface ApiTarget {
  url: string;
  apiKey?: string;
}

/**
 * One LangGraph server and its SDK client (the LangGraph Platform API through the official SDK:
 * the same calls work against `switchyard serve` and a real deployment). Each open graph holds
 * the server it runs on; there is no module-level "current target". `apiKey: null` keeps the SDK
 * from looking for keys in an environment the browser does not have.
 */
export class LangGraphServer {
  private sdk: Promise<Client> | null = null;
  private replayingSdk: Promise<Client> | null = null;

  /** `null`: the page's own server (the workspace's `switchyard serve`, or the desktop shell's). */
  constructor(readonly target: ApiTarget | null) {}

  /** The SDK is loaded on first use (the first run), keeping it out of the editor's start-up. */
  client(): Promise<Client> {
    this.sdk ??= clientFor(this.target);
    return this.sdk;
  }

  /**
   * A client whose runs carry Switchyard's `replay: true` (serve model calls from the thread's
   * recording): the SDK's run payload has no field for it, so its request hook adds it.
   */
  replayingClient(): Promise<Client> {
    this.replayingSdk ??= clientFor(this.target, withReplay);
    return this.replayingSdk;
  }

  /** The server's address as people read it. */
  get url(): string {
    return this.target?.url ?? apiBase();
  }
}

/** The page's own server: workspace graphs and code graphs run here. */
export const workspaceServer = new LangGraphServer(null);

/** A fresh SDK client for a server (the deployment dialog tries one before opening its graphs). */
export function clientFor(server: ApiTarget | null, onRequest?: (url: URL, init: RequestInit) => RequestInit): Promise<Client> {
  return import("@langchain/langgraph-sdk").then(({ Client }) => new Client({ apiUrl: server?.url ?? apiBase(), apiKey: server?.apiKey || null, defaultHeaders: {}, ...(onRequest ? { onRequest } : {}) }));
}

/** Adds `replay: true` to a run's JSON body (POST .../runs/stream); other requests pass unchanged. */
export function withReplay(url: URL, init: RequestInit): RequestInit {
  if (init.method !== "POST" || !url.pathname.endsWith("/runs/stream") || typeof init.body !== "string") return init;
  return { ...init, body: JSON.stringify({ ...(JSON.parse(init.body) as object), replay: true }) };
}
