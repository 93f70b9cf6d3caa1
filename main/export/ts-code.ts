import type { GraphDoc } from "../../shared/graph-doc";
import { camelCase, type NameTable, oneLine } from "./names";

/**
 * Code nodes and code tools are JavaScript the user wrote, run in Switchyard inside a QuickJS
 * sandbox. The export keeps each one verbatim as a plain function in `src/code.js` (with types in
 * `src/code.d.ts`), so the graph module stays strictly typed while the user's code is not forced
 * to be. Outside Switchyard it runs as ordinary JavaScript of the project: no sandbox limits.
 */
export interface TsCodeModule {
  /** node id -> export name (code nodes) */
  nodes: Map<string, string>;
  /** "nodeId/toolName" -> export name (code tools) */
  tools: Map<string, string>;
  /** What the graph module imports them from ("./code.js"; a subgraph's module has its own). */
  module: string;
  files: Array<{ path: string; content: string }>;
}

export function emitTsCode(doc: GraphDoc, names: NameTable, base = "code"): TsCodeModule {
  const module = `./${base}.js`;
  const nodes = new Map<string, string>();
  const tools = new Map<string, string>();
  const js: string[] = [];
  const dts: string[] = [];
  const add = (name: string, what: string, source: string, input: string) => {
    // The newline lets a trailing line comment in the source end before the closing parenthesis.
    js.push(`/** ${oneLine(what)} */\nexport const ${name} = (${source}\n);`);
    dts.push(`/** ${oneLine(what)} */\nexport declare const ${name}: (${input}: any) => unknown;`);
  };
  for (const node of doc.nodes) {
    if (node.kind === "code") {
      const name = names.claim(camelCase(`${node.id} code`));
      nodes.set(node.id, name);
      add(name, `code node "${node.id}": (state) => the fields to change`, node.config.source, "state");
    }
    if (node.kind === "tools") {
      for (const definition of node.config.tools) {
        if (definition.kind !== "code") continue;
        const name = names.claim(camelCase(`${definition.name} code`));
        tools.set(`${node.id}/${definition.name}`, name);
        add(name, `code tool "${definition.name}" of node "${node.id}": (args) => its result`, definition.source ?? "() => undefined", "args");
      }
    }
  }
  if (js.length === 0) return { nodes, tools, module, files: [] };
  const header = "// The JavaScript of the graph's code nodes and code tools, as written in Switchyard.\n";
  return {
    nodes,
    tools,
    module,
    files: [
      { path: `src/${base}.d.ts`, content: `${header}${dts.join("\n\n")}\n` },
      { path: `src/${base}.js`, content: `${header}${js.join("\n\n")}\n` },
    ],
  };
}
