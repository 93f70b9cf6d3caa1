import { useState } from "react";
import type { GraphDoc } from "../../../shared/graph-doc";
import { Icon } from "../../app/Icon";
import { answerHuman } from "../../commands/run/apply-as-node";
import { resumeInterrupt } from "../../commands/run/continue-run";
import { chatInput, startRun } from "../../commands/run/start-run";
import { useRunStore } from "../../stores/run-store";
import { InputForm, inputFromForm } from "./InputForm";

/**
 * The box under the conversation: a first message (or the schema form) to start a run; while
 * paused before a human node, the answer; while in interrupt(), the resume value.
 */
export function Composer({ doc, messagesField, pendingCall, humanLike }: { doc: GraphDoc; messagesField: string | undefined; pendingCall: { id: string } | null; humanLike: boolean }) {
  const status = useRunStore((state) => state.status);
  const pause = useRunStore((state) => state.pause);
  if (status === "paused" && pause?.kind === "interrupt") return <ResumeBox key={`${pause.node}-resume`} />;
  if (status === "paused" && pause?.kind === "before" && humanLike && messagesField) {
    return <AnswerBox key={pause.node} onAnswer={(text) => answerHuman(text, pause.node, messagesField, pendingCall?.id ?? null)} nodeId={pause.node} />;
  }
  if (status === "running" || status === "paused" || status === "error") return null;
  return messagesField ? <ChatStart /> : <FormStart doc={doc} />;
}

function ChatStart() {
  const [text, setText] = useState("");
  const start = () => {
    void startRun(chatInput(text), text.trim());
    setText("");
  };
  return (
    <form className="sy-composer" onSubmit={(event) => (event.preventDefault(), start())}>
      <textarea
        className="sy-input"
        aria-label="Message"
        placeholder="Message to start a run on a new thread… (Enter to run, Shift+Enter for a new line)"
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            start();
          }
        }}
      />
      <button type="submit" className="sy-button is-run is-small" aria-label="Run with this message">
        <Icon name="play" size={12} /> Run
      </button>
    </form>
  );
}

function FormStart({ doc }: { doc: GraphDoc }) {
  const [values, setValues] = useState<Record<string, string>>({});
  return (
    <form className="sy-composer is-form" onSubmit={(event) => (event.preventDefault(), void startRun(inputFromForm(doc, values)))}>
      <InputForm doc={doc} values={values} onChange={setValues} />
      <button type="submit" className="sy-button is-run is-small" aria-label="Run with this input">
        <Icon name="play" size={12} /> Run
      </button>
    </form>
  );
}

function AnswerBox({ onAnswer, nodeId }: { onAnswer: (text: string) => Promise<void>; nodeId: string }) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    await onAnswer(text.trim());
    setBusy(false);
    setText("");
  };
  return (
    <form className="sy-composer is-answer" onSubmit={(event) => (event.preventDefault(), void send())}>
      <input className="sy-input" aria-label="Answer" placeholder={`Your answer (applied as ${nodeId}, then the run continues)`} value={text} onChange={(event) => setText(event.target.value)} autoFocus />
      <button type="submit" className="sy-button is-primary is-small" disabled={!text.trim() || busy} aria-label="Answer and continue">
        <Icon name="play" size={12} /> Answer &amp; continue
      </button>
    </form>
  );
}

function ResumeBox() {
  const [text, setText] = useState("");
  const resume = () => {
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // Plain text resumes as a string.
    }
    void resumeInterrupt(value);
  };
  return (
    <form className="sy-composer is-answer" onSubmit={(event) => (event.preventDefault(), resume())}>
      <input className="sy-input" aria-label="Resume value" placeholder="Resume value (text or JSON), sent as Command({resume})" value={text} onChange={(event) => setText(event.target.value)} autoFocus />
      <button type="submit" className="sy-button is-primary is-small" aria-label="Resume">
        <Icon name="play" size={12} /> Resume
      </button>
    </form>
  );
}
