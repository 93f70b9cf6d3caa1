import { useWorkspaceStore } from "../stores/workspace-store";

const GRAPH_NAME = /^[a-zA-Z0-9_][\w.-]{0,63}$/;

/** Why a graph name cannot be used, or null when it can. Mirrors the server's file-name rule. */
export function graphNameProblem(name: string, except?: string): string | null {
  if (!name) return "Give the graph a name.";
  if (!GRAPH_NAME.test(name) || name.includes("..")) return "Use letters, digits, _, - or . (at most 64).";
  if (name !== except && useWorkspaceStore.getState().graphs.some((graph) => graph.name === name)) return `A graph named "${name}" already exists.`;
  return null;
}

export function freeGraphName(base: string): string {
  const taken = new Set(useWorkspaceStore.getState().graphs.map((graph) => graph.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
