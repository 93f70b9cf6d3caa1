import { memo } from "react";
import { Icon } from "../../app/Icon";
import { messagesFieldOf } from "../../../shared/graph-doc";
import { applyAsNode, defaultApplyAsNode } from "../../commands/run/apply-as-node";
import { pauseAsksOf } from "../../commands/run/pause-ask";
import { insideStateOf } from "../../commands/run/inside-state";
import { useWorkspaceGraphsStore } from "../../stores/workspace-graphs-store";
import { pausedNodeInfo } from "../../commands/run/paused-node-info";
import { isEditable, useOpenGraph } from "../../stores/open-graph-store";
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
  const editable = useOpenGraph((state) => isEditable(state.graph));
  const graphs = useWorkspaceGraphsStore((state) => state.graphs);
  const interrupts = useRunStore((state) => state.interrupts);
  const innerPauses = useRunStore((state) => state.innerPauses);
  if (!doc) return null;
  const messagesField = messagesFieldOf(doc);
  const values = (threadState?.values ?? {}) as Record<string, unknown>;
  const messages = messagesOf(values, messagesField);
  const paused = pausedNodeInfo({ doc, editable, pause, values });
  const asks = pauseAsksOf({ doc, editable, pause, status, values, lastNode, graphs, interrupts, innerPauses });
  // Several tasks paused inside: the state shown is that of the task whose answer is asked for.
  const asked = asks[0]?.kind === "answer" ? asks[0].inside?.checkpoint.checkpoint_ns : undefined;
  const shownInner = innerPauses.find((candidate) => candidate.checkpoint.checkpoint_ns === asked) ?? pause?.inner;
  const inside = shownInner ? insideStateOf(doc, shownInner, graphs) : null;
  const showState = !!threadState && (status === "paused" || status === "error" || status === "done" || status === "cancelled");
  return (
    <div className={`sy-run-panel ${showState ? "has-state" : ""}`}>
      <div className="sy-run-main">
        <PausedBanner asks={asks} />
        {messagesField ? (
          <ChatTranscript messages={messages} streaming={status === "running" ? streaming : null} />
        ) : (
          <RunProgress hasThread={!!threadId} running={status === "running"} />
        )}
        <Composer doc={doc} messagesField={messagesField} asks={asks} />
      </div>
      {showState && inside && (
        <div className="sy-run-state" aria-label="Subgraph state">
          <div className="sy-run-state-head">
            State of {inside.label} <span className="sy-muted">({inside.doc.name}) · checkpoint …{inside.checkpoint.checkpoint_id.slice(-8)}</span>
          </div>
          <StateEditor
            key={`${inside.checkpoint.checkpoint_id}-${inside.label}`}
            doc={inside.doc}
            values={inside.values}
            defaultAsNode={inside.asNode}
            actionLabel="Apply"
            onApply={(changes, asNode) => applyAsNode(changes, asNode, { path: inside.path, checkpoint: inside.checkpoint })}
          />
        </div>
      )}
      {showState && !inside && (
        <div className="sy-run-state">
          <div className="sy-run-state-head">State{threadState?.checkpoint?.checkpoint_id ? <span className="sy-muted"> · checkpoint …{threadState.checkpoint.checkpoint_id.slice(-8)}</span> : null}</div>
          <StateEditor
            key={`${threadState?.checkpoint?.checkpoint_id}-${pause?.node}`}
            doc={doc}
            values={values}
            defaultAsNode={defaultApplyAsNode(pause, lastNode, paused.humanLike)}
            actionLabel="Apply"
            onApply={(changes, asNode) => applyAsNode(changes, asNode)}
          />
        </div>
      )}
    </div>
  );
});

/** For graphs without a chat: the run's steps so far, the running one last. */
function RunProgress({ hasThread, running }: { hasThread: boolean; running: boolean }) {
  const steps = useRunStore((state) => state.steps);
  if (!hasThread) return <div className="sy-run-note">Fill in the input and Run: the run starts on a new thread.</div>;
  return (
    <ol className="sy-run-steps" aria-label="Steps of this run">
      {steps.map((step) => (
        <li key={step.id} className={step.error ? "is-error" : step.endedAt ? "is-done" : "is-running"}>
          <Icon name={step.error ? "error" : step.endedAt ? "check" : "play"} size={12} />
          <span className="sy-run-step-node">{step.node}</span>
          <span className="sy-muted">{step.endedAt ? `${step.endedAt - step.startedAt} ms` : "running…"}</span>
        </li>
      ))}
      {steps.length === 0 && <li className="sy-muted">{running ? "Starting…" : "No steps ran in this session: the state is on the right, the Timeline has the thread's history."}</li>}
    </ol>
  );
}
