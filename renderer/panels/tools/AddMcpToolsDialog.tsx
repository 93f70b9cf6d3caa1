import { useEffect, useRef, useState } from "react";
import type { GraphNode } from "../../../shared/graph-doc";
import { toolsApi, type McpServerInfo, type McpToolInfo } from "../../client/tools-api";
import { addMcpTools } from "../../commands/tools/add-mcp-tools";
import { closeMcpToolsDialog } from "../../stores/mcp-tools-dialog-store";

const STATE_WORDS: Record<McpServerInfo["state"], string> = { "not-started": "not started", starting: "starting", running: "running", exited: "exited", failed: "failed to start" };

/**
 * "Add tools from server...": the servers of the workspace's mcp.json with their status (and the
 * stderr of one that failed to start), the live tools of the chosen one (name, description,
 * arguments), several picked at once and added to the tools node in one undo step.
 */
export function AddMcpToolsDialog({ node }: { node: GraphNode & { kind: "tools" } }) {
  const [servers, setServers] = useState<McpServerInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [server, setServer] = useState<string | null>(null);
  const [tools, setTools] = useState<{ server: string; tools?: McpToolInfo[]; error?: string } | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const dialog = useRef<HTMLDivElement>(null);

  const loadServers = async () => {
    try {
      const answer = (await toolsApi.mcpServers()).servers;
      setServers(answer);
      return answer;
    } catch (failure) {
      setListError((failure as Error).message);
      return [];
    }
  };
  const choose = async (name: string) => {
    setServer(name);
    setPicked(new Set());
    setTools({ server: name });
    try {
      setTools({ server: name, tools: (await toolsApi.mcpServerTools(name)).tools });
    } catch (failure) {
      setTools({ server: name, error: (failure as Error).message });
    }
    // Listing its tools started it (or found it broken): show its state now.
    void loadServers();
  };
  useEffect(() => {
    dialog.current?.focus();
    void loadServers().then((answer) => answer[0] && void choose(answer[0].name));
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && closeMcpToolsDialog();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
    // Once, when the dialog opens.
  }, []);

  const already = new Set(node.config.tools.filter((tool) => tool.kind === "mcp" && tool.server === server).map((tool) => tool.tool));
  const toggle = (name: string, on: boolean) => setPicked((current) => {
    const next = new Set(current);
    if (on) next.add(name);
    else next.delete(name);
    return next;
  });
  const add = () => {
    if (!server || picked.size === 0) return;
    const order = (tools?.tools ?? []).map((tool) => tool.name).filter((name) => picked.has(name));
    addMcpTools.run({ nodeId: node.id, server, tools: order });
    closeMcpToolsDialog();
  };
  const current = servers?.find((item) => item.name === server);

  return (
    <div className="sy-overlay is-dim" onMouseDown={closeMcpToolsDialog}>
      <div ref={dialog} tabIndex={-1} className="sy-dialog is-wide sy-mcp-dialog" role="dialog" aria-modal="true" aria-labelledby="sy-mcp-title" onMouseDown={(event) => event.stopPropagation()}>
        <h2 id="sy-mcp-title">Add tools from server to {node.id}</h2>
        <p className="sy-hint">
          Servers come from the workspace's <code>mcp.json</code>. Each chosen tool becomes an entry of this node; the model gets its description and arguments from the server.
        </p>
        {listError && <div className="sy-field-error" role="alert">{listError}</div>}
        {servers && servers.length === 0 && (
          <p className="sy-hint">
            This workspace's <code>mcp.json</code> declares no servers. Add one, e.g. <code>{'{"mcpServers": {"files": {"command": "node", "args": ["./files-server.mjs"]}}}'}</code>
          </p>
        )}
        <div className="sy-mcp-columns">
          <ul className="sy-mcp-servers" aria-label="MCP servers">
            {servers?.map((item) => (
              <li key={item.name}>
                <button type="button" className={`sy-mcp-server ${item.name === server ? "is-active" : ""}`} aria-pressed={item.name === server} onClick={() => void choose(item.name)}>
                  <span className="sy-mcp-server-name">{item.name}</span>
                  <span className={`sy-mcp-state is-${item.state}`}>{STATE_WORDS[item.state]}</span>
                  <span className="sy-mcp-transport">{item.transport}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="sy-mcp-tools" aria-label={server ? `Tools of ${server}` : "Tools"} role="group">
            {current?.state === "failed" && current.error && !tools?.error && <pre className="sy-try-response is-error">{current.error}</pre>}
            {tools?.error && (
              <pre className="sy-try-response is-error" role="alert" aria-label="Server error">
                {tools.error}
              </pre>
            )}
            {tools && !tools.tools && !tools.error && <div className="sy-hint">Starting {tools.server}…</div>}
            {tools?.tools?.length === 0 && <div className="sy-hint">{tools.server} lists no tools.</div>}
            {tools?.tools?.map((tool) => (
              <label key={tool.name} className={`sy-mcp-tool ${already.has(tool.name) ? "is-added" : ""}`}>
                <input type="checkbox" aria-label={tool.name} checked={picked.has(tool.name)} onChange={(event) => toggle(tool.name, event.target.checked)} />
                <span className="sy-mcp-tool-text">
                  <span className="sy-mcp-tool-name">
                    {tool.name}
                    {already.has(tool.name) && <span className="sy-mcp-added"> · already in this node</span>}
                  </span>
                  {tool.description && <span className="sy-mcp-tool-description">{tool.description}</span>}
                  <span className="sy-mcp-tool-args">{argsText(tool)}</span>
                </span>
              </label>
            ))}
          </div>
        </div>
        <div className="sy-inline is-end">
          <button type="button" className="sy-button is-ghost" onClick={closeMcpToolsDialog}>
            Cancel
          </button>
          <button type="button" className="sy-button is-primary" disabled={picked.size === 0} onClick={add}>
            {picked.size === 1 ? "Add 1 tool" : `Add ${picked.size} tools`}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The tool's arguments as one line: `path: string, limit?: number`. */
function argsText(tool: McpToolInfo): string {
  const properties = Object.entries(tool.inputSchema?.properties ?? {});
  if (properties.length === 0) return "no arguments";
  const required = new Set(tool.inputSchema?.required ?? []);
  return properties.map(([name, property]) => `${name}${required.has(name) ? "" : "?"}: ${property.type ?? "any"}`).join(", ");
}
