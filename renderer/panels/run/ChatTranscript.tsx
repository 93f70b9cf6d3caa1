import { memo, useEffect, useRef } from "react";
import { Icon } from "../../app/Icon";
import { roleOf, textOf, type WireMessage } from "./messages";

const roleLabel = { user: "You", ai: "AI", tool: "Tool", system: "System" } as const;

/** In the state editor: messages whose text can be rewritten, and the rewrites so far (by message id). */
export interface TranscriptEditing {
  edits: Record<string, string>;
  /** null: back to the message's own text. */
  onEdit: (message: WireMessage, text: string | null) => void;
}

/** Messages as a chat: user right, AI left with its tool calls, tool results as small cards. */
export const ChatTranscript = memo(function ChatTranscript({ messages, streaming, compact, editing }: { messages: WireMessage[]; streaming?: { node: string; text: string } | null; compact?: boolean; editing?: TranscriptEditing }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [messages.length, streaming?.text]);
  return (
    <div className={`sy-chat ${compact ? "is-compact" : ""}`} aria-label="Conversation" role="log">
      {messages.map((message, index) => {
        const role = roleOf(message);
        const rewrite = editing && message.id ? editing.edits[message.id] : undefined;
        return (
          <div key={message.id ?? index} className={`sy-msg is-${role} ${rewrite !== undefined ? "is-edited" : ""}`} data-role={role}>
            <span className="sy-msg-role">
              {role === "tool" ? `Tool${message.name ? ` · ${message.name}` : ""}` : roleLabel[role]}
              {editing && <EditMessageButton message={message} index={index} editing={editing} />}
            </span>
            {editing && rewrite !== undefined ? (
              <MessageTextEditor message={message} index={index} text={rewrite} editing={editing} />
            ) : (
              textOf(message) && <div className="sy-msg-text">{textOf(message)}</div>
            )}
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

/** Only plain-text messages with an id are rewritable: the add-messages reducer replaces by id. */
const rewritable = (message: WireMessage): message is WireMessage & { id: string; content: string } => !!message.id && typeof message.content === "string";

function EditMessageButton({ message, index, editing }: { message: WireMessage; index: number; editing: TranscriptEditing }) {
  if (!rewritable(message) || message.id in editing.edits) return null;
  return (
    <button type="button" className="sy-icon-button sy-msg-edit" aria-label={`Edit message ${index + 1}`} title="Rewrite this message (replaced in place, same id)" onClick={() => editing.onEdit(message, message.content)}>
      <Icon name="pencil" size={11} />
    </button>
  );
}

function MessageTextEditor({ message, index, text, editing }: { message: WireMessage; index: number; text: string; editing: TranscriptEditing }) {
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div className="sy-msg-editor">
      <textarea ref={box} className="sy-input" aria-label={`Message ${index + 1} text`} rows={Math.min(6, Math.max(2, text.split("\n").length))} value={text} onChange={(event) => editing.onEdit(message, event.target.value)} />
      <button type="button" className="sy-button is-ghost is-small" onClick={() => editing.onEdit(message, null)}>
        Undo edit
      </button>
    </div>
  );
}
