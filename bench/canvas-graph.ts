/**
 * The generated graphs of `npm run bench:canvas`: N nodes on a grid, a chain of plain edges
 * with a conditional branch every 10 nodes (so edge labels are drawn too). Both the editor
 * and the bare React Flow page draw exactly these positions and edges.
 */
export interface BenchNode {
  id: string;
  kind: "llm" | "tools" | "set" | "human";
  x: number;
  y: number;
}

export interface BenchEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  when?: { type: "has-tool-calls" } | { type: "otherwise" };
  order?: number;
}

const kinds: BenchNode["kind"][] = ["llm", "tools", "set", "llm"];

export function benchGraph(count: number): { nodes: BenchNode[]; edges: BenchEdge[] } {
  const columns = Math.ceil(Math.sqrt(count * 2));
  const nodes: BenchNode[] = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, kind: kinds[i % kinds.length], x: (i % columns) * 280, y: Math.floor(i / columns) * 140 }));
  const edges: BenchEdge[] = [];
  for (let i = 0; i < count - 1; i++) {
    if (i % 10 === 0 && i + 2 < count) {
      edges.push({ id: `e${i}-a`, source: `n${i}`, target: `n${i + 2}`, label: "has tool calls", when: { type: "has-tool-calls" }, order: 0 });
      edges.push({ id: `e${i}-b`, source: `n${i}`, target: `n${i + 1}`, label: "otherwise", when: { type: "otherwise" }, order: 1 });
    } else {
      edges.push({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` });
    }
  }
  edges.push({ id: `e-end`, source: `n${count - 1}`, target: "__end__" });
  return { nodes, edges };
}

/** The same graph as a Switchyard document. */
export function benchGraphDoc(name: string, count: number) {
  const { nodes, edges } = benchGraph(count);
  const config = {
    llm: { provider: "scripted", tools: [], replies: [{ content: "Hello!", toolCalls: [] }] },
    tools: { tools: [] },
    set: { values: {} },
    human: { mode: "breakpoint", askTool: "AskHuman", askToolDescription: "Ask.", question: "{{last_message}}" },
  };
  return {
    version: 1,
    name,
    entry: "n0",
    state: { fields: { messages: { type: "messages", reducer: "messages" } } },
    nodes: nodes.map((node) => ({ id: node.id, kind: node.kind, position: { x: node.x, y: node.y }, config: config[node.kind] })),
    edges: edges.map(({ label: _label, ...edge }) => edge),
  };
}
