import { create } from "zustand";
import type { Assistant, Thread } from "@langchain/langgraph-sdk";

/** "Connect to deployment": the remote LangGraph server the app is attached to, and what it lists. */
export interface DeploymentState {
  dialogOpen: boolean;
  status: "idle" | "connecting" | "connected" | "error";
  /** The deployment's URL once connected (the key stays in memory and sessionStorage only). */
  url: string | null;
  apiKey: string | null;
  assistants: Assistant[];
  threads: Thread[];
  error: string | null;
}

export const useDeploymentStore = create<DeploymentState>()(() => ({
  dialogOpen: false,
  status: "idle",
  url: null,
  apiKey: null,
  assistants: [],
  threads: [],
  error: null,
}));
