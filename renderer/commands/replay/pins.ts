import type { PinSource } from "../../client/recorded-calls-api";
import { recordedCallsApi } from "../../client/recorded-calls-api";
import { useGraphStore } from "../../stores/graph-store";
import { usePinsStore } from "../../stores/pins-store";
import { showToast } from "../../stores/ui-store";

/** Reads a workspace graph's pins (when the graph opens, and after each change). */
export async function loadPins(graph: string): Promise<void> {
  try {
    const { pins } = await recordedCallsApi.pins(graph);
    usePinsStore.setState({ graph, pins, error: null });
  } catch (error) {
    usePinsStore.setState({ graph, pins: {}, error: `Could not read the pins: ${(error as Error).message}` });
  }
}

/**
 * Pins a node to an output (typed, or what it wrote at a checkpoint): every run of the graph then
 * returns it without running the node, until unpinned. Returns the server's refusal, if any.
 */
export async function pinNode(node: string, source: PinSource): Promise<string | null> {
  const graph = useGraphStore.getState().graphName;
  if (!graph) return "No graph is open";
  try {
    await recordedCallsApi.pin(graph, node, source);
  } catch (error) {
    return (error as Error).message;
  }
  await loadPins(graph);
  showToast(`Pinned ${node}: runs return its pinned output without running it`, "success");
  return null;
}

export async function unpinNode(node: string): Promise<void> {
  const graph = useGraphStore.getState().graphName;
  if (!graph) return;
  try {
    await recordedCallsApi.unpin(graph, node);
    showToast(`Unpinned ${node}: it runs again`, "info");
  } catch (error) {
    showToast(`Could not unpin ${node}: ${(error as Error).message}`, "error");
  }
  await loadPins(graph);
}
