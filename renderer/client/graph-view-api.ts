import type { Assistant, AssistantGraph, Thread } from "@langchain/langgraph-sdk";
import { LangGraphServer, type ApiTarget } from "./langgraph";

/** What a read-only graph view and the deployment dialog ask of a LangGraph server (public API only). */
export const graphViewApi = {
  /** GET /assistants/{id}/graph?xray=true: LangGraph's drawable graph, subgraphs expanded. */
  async drawable(server: LangGraphServer, assistantId: string): Promise<AssistantGraph> {
    return (await server.client()).assistants.getGraph(assistantId, { xray: true });
  },
  /** The state's JSON schema, or null where the server cannot say. */
  async stateSchema(server: LangGraphServer, assistantId: string): Promise<unknown> {
    try {
      return (await (await server.client()).assistants.getSchemas(assistantId)).state_schema ?? null;
    } catch {
      return null;
    }
  },
};

export const deploymentApi = {
  /** POST /assistants/search on a deployment. */
  async assistants(target: ApiTarget): Promise<Assistant[]> {
    return (await new LangGraphServer(target).client()).assistants.search({ limit: 100 });
  },
  /** POST /threads/search on a deployment, newest first. */
  async threads(target: ApiTarget): Promise<Thread[]> {
    return (await new LangGraphServer(target).client()).threads.search({ limit: 50, sortBy: "updated_at", sortOrder: "desc" });
  },
};

export type { Assistant, AssistantGraph } from "@langchain/langgraph-sdk";
