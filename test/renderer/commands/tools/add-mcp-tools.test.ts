import { addNode } from "../../../../renderer/commands/add-node";
import { addMcpTools, freeToolName } from "../../../../renderer/commands/tools/add-mcp-tools";
import { toolDefinitionSchema, type ToolsConfig } from "../../../../shared/node-kinds/tools";
import { emptyDoc } from "../seed";

describe("addMcpTools", () => {
  const withTools = () => {
    const doc = addNode.apply(emptyDoc(), { kind: "tools", position: { x: 0, y: 0 } }).doc;
    return { ...doc, nodes: doc.nodes.map((node) => ({ ...node, config: { tools: [{ kind: "mock", name: "read_file", description: "", args: [], result: "x" }] } })) } as typeof doc;
  };

  it("adds one mcp entry per chosen tool, names unique in the node, each a valid tool entry", () => {
    const { doc } = addMcpTools.apply(withTools(), { nodeId: "tools", server: "files", tools: ["read_file", "add", "list.dir"] });
    const tools = (doc.nodes[0].config as ToolsConfig).tools;
    expect(tools.map((tool) => [tool.name, tool.kind, tool.server, tool.tool])).toEqual([
      ["read_file", "mock", undefined, undefined],
      ["read_file_2", "mcp", "files", "read_file"],
      ["add", "mcp", "files", "add"],
      ["list_dir", "mcp", "files", "list.dir"],
    ]);
    for (const tool of tools) expect(toolDefinitionSchema.safeParse(tool).success).toBe(true);
  });

  it("changes nothing for no tools or a node that is not a tools node", () => {
    const doc = withTools();
    expect(addMcpTools.apply(doc, { nodeId: "tools", server: "files", tools: [] }).doc).toBe(doc);
    expect(addMcpTools.apply(doc, { nodeId: "nope", server: "files", tools: ["a"] }).doc).toBe(doc);
  });

  it("makes a valid name of any server tool name", () => {
    expect(freeToolName("9lives", new Set())).toBe("t_9lives");
    expect(freeToolName("", new Set())).toBe("tool");
    expect(freeToolName("a", new Set(["a", "a_2"]))).toBe("a_3");
  });
});
