import { useEffect, useState } from "react";
import type { ToolDefinition } from "../../../shared/node-kinds/tools";
import { toolsApi, type McpToolInfo, type ToolTryAnswer } from "../../client/tools-api";
import { Checkbox, TextInput } from "../forms/controls";
import { sampleArgs, tryArgsOf } from "./try-args";

/**
 * "Try it" on a tool card: sample arguments (from the tool's args, or its MCP server's schema),
 * the same call a run makes (POST /switchyard/tools/try, secrets by name on the server), and what
 * came back: status, time taken and the tool message the model would see (or its error text).
 */
export function TryToolPanel({ tool }: { tool: ToolDefinition }) {
  const serverTool = useServerTool(tool);
  const args = tryArgsOf(tool, serverTool.info);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<ToolTryAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  if (tool.kind === "mock") return null;
  const tryIt = async () => {
    setError(null);
    setAnswer(null);
    let values: Record<string, unknown>;
    try {
      values = sampleArgs(args, texts);
    } catch (failure) {
      setError((failure as Error).message);
      return;
    }
    setRunning(true);
    try {
      setAnswer(await toolsApi.tryTool(tool, values));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="sy-try-tool" aria-label={`Try ${tool.name}`}>
      <span className="sy-label">Try it</span>
      <span className="sy-help">Calls the tool now with sample arguments, as a run would{tool.kind === "http" ? " (secrets filled in on the server)" : ""}.</span>
      {serverTool.error && <div className="sy-field-error">{serverTool.error}</div>}
      {args.map((arg) =>
        arg.type === "boolean" ? (
          <Checkbox key={arg.name} label={`Sample ${arg.name}`} checked={texts[arg.name] === "true"} onChange={(on) => setTexts({ ...texts, [arg.name]: String(on) })} />
        ) : (
          <TextInput
            key={arg.name}
            label={`Sample ${arg.name}`}
            type={arg.type === "number" ? "number" : "text"}
            mono={arg.type === "json"}
            value={texts[arg.name] ?? ""}
            placeholder={arg.type === "json" ? "JSON value" : arg.required ? "" : "optional"}
            help={arg.description || undefined}
            onChange={(text) => setTexts({ ...texts, [arg.name]: text })}
          />
        ),
      )}
      <div className="sy-inline">
        <button type="button" className="sy-button is-primary is-small" disabled={running} onClick={() => void tryIt()}>
          {running ? "Calling…" : "Try it"}
        </button>
        {answer && <TryVerdict answer={answer} />}
      </div>
      {error && (
        <div className="sy-field-error" role="alert">
          {error}
        </div>
      )}
      {answer && (
        <pre className={`sy-try-response ${answer.ok ? "" : "is-error"}`} aria-label="Tool response">
          {answer.content}
        </pre>
      )}
    </section>
  );
}

function TryVerdict({ answer }: { answer: ToolTryAnswer }) {
  const label = answer.status !== undefined ? `HTTP ${answer.status}` : answer.ok ? "OK" : "Failed";
  return (
    <span className="sy-try-verdict" aria-label="Try result">
      <span className={`sy-try-status ${answer.ok ? "is-ok" : "is-error"}`}>{label}</span>
      <span className="sy-try-latency">{answer.duration_ms} ms</span>
    </span>
  );
}

/** For an mcp tool: the server's description of it (its argument schema), read when server and tool are named. */
function useServerTool(tool: ToolDefinition): { info?: McpToolInfo; error?: string } {
  const [state, setState] = useState<{ key: string; info?: McpToolInfo; error?: string }>({ key: "" });
  const key = tool.kind === "mcp" && tool.server && tool.tool ? `${tool.server}\u0000${tool.tool}` : "";
  useEffect(() => {
    if (!key) return;
    let current = true;
    toolsApi.mcpServerTools(tool.server!).then(
      (answer) => current && setState({ key, info: answer.tools.find((item) => item.name === tool.tool), error: answer.tools.some((item) => item.name === tool.tool) ? undefined : `server "${tool.server}" has no tool "${tool.tool}"` }),
      (failure: Error) => current && setState({ key, error: failure.message }),
    );
    return () => {
      current = false;
    };
  }, [key, tool.server, tool.tool]);
  return state.key === key ? state : {};
}
