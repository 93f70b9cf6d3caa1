import { useEffect, useRef, useState } from "react";
import type { StateField } from "../../../shared/graph-doc";
import { Icon } from "../../app/Icon";
import { sendAnswer } from "../../commands/run/continue-from-pause";
import type { PauseAsk } from "../../commands/run/pause-ask";
import { chatInput, startRun } from "../../commands/run/start-run";
import { setDraft, useAnswerDraft } from "../../stores/answer-draft-store";
import { useRunStore } from "../../stores/run-store";
import { InputForm, inputFromForm } from "./InputForm";

/**
 * The box under the conversation: a first message (or the schema form) to start a run; while
 * paused before a human node, the answer; while in interrupt(), the resume value.
 */
export function Composer({ fields, messagesField, asks }: { fields: Record<string, StateField>; messagesField: string | undefined; asks: PauseAsk[] }) {
  const status = useRunStore((state) => state.status);
  if (asks.length > 1) {
    return (
      <div className="sy-answer-list" aria-label="Questions">
        {asks.map((ask, index) => (
          <div key={`${ask.kind}-${ask.node}-${index}`} className="sy-answer-item">
            <div className="sy-answer-question">
              <strong>{ask.node}</strong> {ask.question && <span>“{ask.question}”</span>}
            </div>
            <AnswerBox ask={ask} own />
          </div>
        ))}
      </div>
    );
  }
  const ask = asks[0];
  if (ask) return <AnswerBox key={`${ask.kind}-${ask.node}`} ask={ask} />;
  if (status === "running" || status === "paused" || status === "error") return null;
  return messagesField ? <ChatStart /> : <FormStart fields={fields} />;
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

function FormStart({ fields }: { fields: Record<string, StateField> }) {
  const [values, setValues] = useState<Record<string, string>>({});
  return (
    <form className="sy-composer is-form" onSubmit={(event) => (event.preventDefault(), void startRun(inputFromForm(fields, values)))}>
      <InputForm fields={fields} values={values} onChange={setValues} />
      <button type="submit" className="sy-button is-run is-small" aria-label="Run with this input">
        <Icon name="play" size={12} /> Run
      </button>
    </form>
  );
}

/**
 * The answer the pause waits for (a human node's answer, or interrupt()'s resume value). What is
 * typed lives in the draft store, so Continue sends it rather than dropping it; the box takes the
 * focus when the pause comes forward.
 */
function AnswerBox({ ask, own = false }: { ask: PauseAsk; own?: boolean }) {
  const shared = useAnswerDraft((state) => (state.node === ask.node ? state.text : ""));
  // One of several asks keeps its own text: typing in one box leaves the others' answers alone.
  const [ownText, setOwnText] = useState("");
  const text = own ? ownText : shared;
  const focusCount = useAnswerDraft((state) => state.focusCount);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!own) input.current?.focus();
  }, [focusCount, own]);
  const send = async () => {
    if (busy || (ask.kind === "answer" && !text.trim())) return;
    setBusy(true);
    try {
      await sendAnswer(ask, ask.kind === "answer" ? text.trim() : text);
    } finally {
      setBusy(false);
    }
  };
  const answer = ask.kind === "answer";
  return (
    <form className="sy-composer is-answer" onSubmit={(event) => (event.preventDefault(), void send())}>
      <input
        ref={input}
        className="sy-input"
        aria-label={own ? `${answer ? "Answer" : "Resume value"} for ${ask.node}` : answer ? "Answer" : "Resume value"}
        placeholder={answer ? `Your answer (applied as ${ask.node}, then the run continues; Continue sends it too)` : "Resume value (text or JSON), sent as Command({resume})"}
        value={text}
        onChange={(event) => (own ? setOwnText(event.target.value) : setDraft(ask.node, event.target.value))}
      />
      <button type="submit" className="sy-button is-primary is-small" disabled={busy || (answer && !text.trim())} aria-label={own ? `${answer ? "Answer" : "Resume"} ${ask.node}` : answer ? "Answer and continue" : "Resume"}>
        <Icon name="play" size={12} /> {answer ? "Answer & continue" : "Resume"}
      </button>
    </form>
  );
}
