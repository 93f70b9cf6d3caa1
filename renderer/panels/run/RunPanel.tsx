import { memo } from "react";
import { Icon } from "../../app/Icon";
import { applyAsNode, defaultApplyAsNode } from "../../commands/run/apply-as-node";
import { pauseAsksOf } from "../../commands/run/pause-ask";
import { insideStateOf } from "../../commands/run/inside-state";
import { useWorkspaceGraphsStore } from "../../stores/workspace-graphs-store";
import { pausedNodeInfo } from "../../commands/run/paused-node-info";
import { debugNodeIdsOf, isGraphShown, messagesFieldOfView, stateFieldsOf, useOpenGraphView } from "../../stores/open-graph-facts";
import { useRunStore } from "../../stores/run-store";
import { StateEditor } from "../state-editor/StateEditor";
import { ChatTranscript } from "./ChatTranscript";
import { Composer } from "./Composer";
import { messagesOf } from "./messages";
import { PausedBanner } from "./PausedBanner";

/** The Run tab: banner, conversation and the box to answer or start; beside it, the paused state. */
export const RunPanel = memo(function RunPanel() {
  const view = useOpenGraphView();
  const threadState = useRunStore((state) => state.threadState);
  const streaming = useRunStore((state) => state.streaming);
  const status = useRunStore((state) => state.status);
  const pause = useRunStore((state) => state.pause);
  const lastNode = useRunStore((state) => state.lastNode);
  const threadId = useRunStore((state) => state.threadId);
  const graphs = useWorkspaceGraphsStore((state) => state.graphs);
  const interrupts = useRunStore((state) => state.interrupts);
  const innerPauses = useRunStore((state) => state.innerPauses);
  if (!isGraphShown(view)) return null;
  const messagesField = messagesFieldOfView(view);
  const values = (threadState?.values ?? {}) as Record<string, unknown>;
  const messages = messagesOf(values, messagesField);
  const paused = pausedNodeInfo({ view, pause, values });
  const asks = pauseAsksOf({ view, pause, status, values, lastNode, graphs, interrupts, innerPauses });
  // Several tasks paused inside: the state shown is that of the task whose answer is asked for.
  const asked = asks[0]?.kind === "answer" ? asks[0].inside?.checkpoint.checkpoint_ns : undefined;
  const shownInner = innerPauses.find((candidate) => candidate.checkpoint.checkpoint_ns === asked) ?? pause?.inner;
  const inside = shownInner && view.doc ? insideStateOf(view.doc, shownInner, graphs) : null;
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
        <Composer fields={stateFieldsOf(view)} messagesField={messagesField} asks={asks} />
      </div>
      {showState && inside && (
        <div className="sy-run-state" aria-label="Subgraph state">
          <div className="sy-run-state-head">
            State of {inside.label} <span className="sy-muted">({inside.doc.name}) · checkpoint …{inside.checkpoint.checkpoint_id.slice(-8)}</span>
          </div>
          <StateEditor
            key={`${inside.checkpoint.checkpoint_id}-${inside.label}`}
            fields={inside.doc.state.fields}
            nodeIds={inside.doc.nodes.map((node) => node.id)}
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
            fields={stateFieldsOf(view)}
            nodeIds={debugNodeIdsOf(view)}
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
