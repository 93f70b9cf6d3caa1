import { memo } from "react";
import { messagesFieldOf } from "../../../shared/graph-doc";
import { applyAsNode, defaultApplyAsNode, pendingToolCall } from "../../commands/run/apply-as-node";
import { useGraphStore } from "../../stores/graph-store";
import { useRunStore } from "../../stores/run-store";
import { StateEditor } from "../state-editor/StateEditor";
import { ChatTranscript } from "./ChatTranscript";
import { Composer } from "./Composer";
import { messagesOf } from "./messages";
import { PausedBanner } from "./PausedBanner";

/** The Run tab: banner, conversation and the box to answer or start; beside it, the paused state. */
export const RunPanel = memo(function RunPanel() {
  const doc = useGraphStore((state) => state.doc);
  const threadState = useRunStore((state) => state.threadState);
  const streaming = useRunStore((state) => state.streaming);
  const status = useRunStore((state) => state.status);
  const pause = useRunStore((state) => state.pause);
  const lastNode = useRunStore((state) => state.lastNode);
  const threadId = useRunStore((state) => state.threadId);
  if (!doc) return null;
  const messagesField = messagesFieldOf(doc);
  const values = (threadState?.values ?? {}) as Record<string, unknown>;
  const messages = messagesOf(values, messagesField);
  const human = pause ? doc.nodes.find((node) => node.id === pause.node && node.kind === "human") : undefined;
  const askTool = human?.kind === "human" ? human.config.askTool : undefined;
  const call = messagesField ? pendingToolCall(values, messagesField, askTool) : null;
  const question = call ? String(call.args.question ?? Object.values(call.args)[0] ?? "") : null;
  const showState = !!threadState && (status === "paused" || status === "error" || status === "done" || status === "cancelled");
  return (
    <div className={`sy-run-panel ${showState ? "has-state" : ""}`}>
      <div className="sy-run-main">
        <PausedBanner question={question} />
        {messagesField ? (
          <ChatTranscript messages={messages} streaming={status === "running" ? streaming : null} />
        ) : (
          <div className="sy-run-note">{threadId ? (status === "running" ? "Running…" : "The state is on the right; the Events tab has each step.") : "Fill in the input and Run: the run starts on a new thread."}</div>
        )}
        <Composer doc={doc} messagesField={messagesField} pendingCall={call} />
      </div>
      {showState && (
        <div className="sy-run-state">
          <div className="sy-run-state-head">State{threadState?.checkpoint?.checkpoint_id ? <span className="sy-muted"> · checkpoint …{threadState.checkpoint.checkpoint_id.slice(-8)}</span> : null}</div>
          <StateEditor
            key={`${threadState?.checkpoint?.checkpoint_id}-${pause?.node}`}
            doc={doc}
            values={values}
            defaultAsNode={defaultApplyAsNode(pause, lastNode)}
            actionLabel="Apply"
            onApply={(changes, asNode) => applyAsNode(changes, asNode)}
          />
        </div>
      )}
    </div>
  );
});
