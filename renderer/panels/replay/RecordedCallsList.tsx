import { memo } from "react";
import { costOf } from "../../../shared/model-prices";
import type { RecordedCall, RecordedMessage, RecordedModelCall, RecordedToolCall } from "../../../shared/recorded-calls";
import { Icon } from "../../app/Icon";

/** A node's recorded calls: each model call's request, response (streamed tokens too), tokens, latency and cost; each tool call's args and result. */
export const RecordedCallsList = memo(function RecordedCallsList({ calls, label, empty }: { calls: RecordedCall[]; label: string; empty?: string }) {
  if (calls.length === 0) return empty ? <p className="sy-help sy-calls-empty">{empty}</p> : null;
  return (
    <ul className="sy-calls" aria-label={label}>
      {calls.map((call) => (
        <li key={call.id}>{call.kind === "model" ? <ModelCall call={call} /> : <ToolCall call={call} />}</li>
      ))}
    </ul>
  );
});

function ModelCall({ call }: { call: RecordedModelCall }) {
  const { request, response, usage } = call;
  const cost = costOf(request.provider, request.model, usage);
  return (
    <details className={`sy-call ${call.error ? "is-error" : ""}`} aria-label={`Model call of ${call.node}`}>
      <summary>
        <Icon name="sparkles" size={12} />
        <strong>{request.model ?? request.provider}</strong>
        {call.replayed && <span className="sy-call-tag is-replayed" title="Served from the recording: no provider request">replayed</span>}
        <span className="sy-muted">{call.latency_ms} ms</span>
        {usage && <span className="sy-muted" title="Tokens as the provider reported them">{usage.input_tokens} in · {usage.output_tokens} out tokens</span>}
        {cost !== null && <span className="sy-muted" title="Estimated from list prices">${cost.toFixed(6)}</span>}
        {call.error && <span className="sy-call-error">failed</span>}
      </summary>
      <div className="sy-call-body">
        <div className="sy-call-section">Request</div>
        <dl className="sy-call-params">
          <dt>provider</dt>
          <dd>{request.provider}</dd>
          {request.model && (<><dt>model</dt><dd>{request.model}</dd></>)}
          {request.baseUrl && (<><dt>base URL</dt><dd>{request.baseUrl}</dd></>)}
          {request.temperature !== undefined && (<><dt>temperature</dt><dd>{request.temperature}</dd></>)}
          {request.maxTokens !== undefined && (<><dt>max tokens</dt><dd>{request.maxTokens}</dd></>)}
          <dt>tools</dt>
          <dd>{request.tools.length ? request.tools.map(toolName).join(", ") : "none"}</dd>
        </dl>
        <Messages messages={request.messages} label={`Request messages of ${call.node}`} />
        <div className="sy-call-section">Response</div>
        {call.error && <pre className="sy-call-error-text">{call.error}</pre>}
        {response && <Messages messages={[response.message]} label={`Response of ${call.node}`} />}
        {response && response.tokens.length > 0 && (
          <div className="sy-call-tokens" aria-label={`Streamed tokens of ${call.node}`}>
            <span className="sy-muted">streamed in {response.tokens.length} tokens:</span>{" "}
            {response.tokens.slice(0, 200).map((token, index) => (
              <span key={index} className="sy-token">{token}</span>
            ))}
            {response.tokens.length > 200 && <span className="sy-muted"> … {response.tokens.length - 200} more</span>}
          </div>
        )}
      </div>
    </details>
  );
}

function ToolCall({ call }: { call: RecordedToolCall }) {
  return (
    <details className={`sy-call ${call.error ? "is-error" : ""}`} aria-label={`Tool call ${call.tool} of ${call.node}`}>
      <summary>
        <Icon name="wrench" size={12} />
        <strong>{call.tool}</strong>
        <span className="sy-muted">{call.latency_ms} ms</span>
        {call.error && <span className="sy-call-error">failed</span>}
      </summary>
      <div className="sy-call-body">
        <div className="sy-call-section">Args</div>
        <pre>{json(call.args)}</pre>
        <div className="sy-call-section">{call.error ? "Error" : "Result"}</div>
        <pre className={call.error ? "sy-call-error-text" : ""}>{call.error ?? json(call.result)}</pre>
      </div>
    </details>
  );
}

function Messages({ messages, label }: { messages: RecordedMessage[]; label: string }) {
  return (
    <ol className="sy-call-messages" aria-label={label}>
      {messages.map((message, index) => (
        <li key={index}>
          <span className={`sy-call-role is-${message.role}`}>{message.role}</span>
          <span className="sy-call-content">{typeof message.content === "string" ? message.content : json(message.content)}</span>
          {message.tool_calls?.map((toolCall, n) => (
            <code key={n} className="sy-call-toolcall">→ {toolCall.name}({json(toolCall.args)})</code>
          ))}
        </li>
      ))}
    </ol>
  );
}

function toolName(tool: unknown): string {
  const named = tool as { name?: string; function?: { name?: string } };
  return named?.function?.name ?? named?.name ?? "tool";
}

function json(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 1) ?? "—";
}
