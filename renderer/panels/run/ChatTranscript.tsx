import { memo, useEffect, useRef } from "react";
import { Icon } from "../../app/Icon";
import { roleOf, textOf, type WireMessage } from "./messages";

const roleLabel = { user: "You", ai: "AI", tool: "Tool", system: "System" } as const;

/** Messages as a chat: user right, AI left with its tool calls, tool results as small cards. */
export const ChatTranscript = memo(function ChatTranscript({ messages, streaming, compact }: { messages: WireMessage[]; streaming?: { node: string; text: string } | null; compact?: boolean }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [messages.length, streaming?.text]);
  return (
    <div className={`sy-chat ${compact ? "is-compact" : ""}`} aria-label="Conversation" role="log">
      {messages.map((message, index) => {
        const role = roleOf(message);
        return (
          <div key={message.id ?? index} className={`sy-msg is-${role}`} data-role={role}>
            <span className="sy-msg-role">{role === "tool" ? `Tool${message.name ? ` · ${message.name}` : ""}` : roleLabel[role]}</span>
            {textOf(message) && <div className="sy-msg-text">{textOf(message)}</div>}
            {message.tool_calls?.map((call) => (
              <div key={call.id ?? call.name} className="sy-msg-call">
                <Icon name="wrench" size={11} /> <strong>{call.name}</strong> <code>{JSON.stringify(call.args)}</code>
              </div>
            ))}
          </div>
        );
      })}
      {streaming?.text && (
        <div className="sy-msg is-ai is-streaming">
          <span className="sy-msg-role">AI · {streaming.node}</span>
          <div className="sy-msg-text">{streaming.text}</div>
        </div>
      )}
      <div ref={end} />
    </div>
  );
});
