import type { RunnableConfig } from "@langchain/core/runnables";
import { currentCallScope } from "./call-scope";

type NodeRuntime = ((state: Record<string, unknown>, config: RunnableConfig) => unknown) | { invoke(state: unknown, config: RunnableConfig): Promise<unknown> };

/** A node runtime (a function, or a runnable such as LangGraph's ToolNode) as a plain node function. */
export function asNodeFunction(runtime: NodeRuntime) {
  return async (state: Record<string, unknown>, config: RunnableConfig) => (typeof runtime === "function" ? runtime(state, config) : runtime.invoke(state, config));
}

/** A node that returns its pinned output, when the run's scope pins it, instead of running. */
export function pinnable(nodeId: string, runtime: NodeRuntime) {
  return async (state: Record<string, unknown>, config: RunnableConfig) => {
    const scope = currentCallScope();
    const pinned = scope?.pins?.[nodeId];
    if (pinned) {
      scope?.onPinned?.(nodeId);
      return structuredClone(pinned);
    }
    return asNodeFunction(runtime)(state, config);
  };
}
