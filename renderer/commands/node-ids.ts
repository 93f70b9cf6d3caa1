import type { GraphDoc } from "../../shared/graph-doc";

const ID = /^[a-zA-Z_][\w-]{0,63}$/;

/** `base`, or `base_2`, `base_3`... whichever is free in the document (and not in `taken`). */
export function freeNodeId(doc: GraphDoc, base: string, taken: Set<string> = new Set()): string {
  const used = new Set([...doc.nodes.map((node) => node.id), ...taken]);
  const clean = toNodeId(base);
  if (!used.has(clean)) return clean;
  const stem = clean.replace(/_\d+$/, "");
  for (let i = 2; ; i++) {
    const candidate = `${stem}_${i}`;
    if (!used.has(candidate)) return candidate;
  }
}

export function toNodeId(text: string): string {
  const cleaned = text.trim().replace(/[^\w-]+/g, "_").slice(0, 64) || "node";
  return /^[a-zA-Z_]/.test(cleaned) ? cleaned : `n_${cleaned}`.slice(0, 64);
}

export function isValidNodeId(id: string): boolean {
  return ID.test(id) && id !== "__start__" && id !== "__end__";
}

/** Edge ids read like the file's own: `source-target`, made unique with a suffix. */
export function freeEdgeId(doc: GraphDoc, source: string, target: string, taken: Set<string> = new Set()): string {
  const used = new Set([...doc.edges.map((edge) => edge.id), ...taken]);
  const base = `${source}-${target === "__end__" ? "end" : target}`;
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}
