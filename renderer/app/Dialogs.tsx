import { useEffect, useRef, useState } from "react";
import { resolveConflict } from "../commands/resolve-conflict";
import { useUiStore } from "../stores/ui-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { Icon } from "./Icon";

/** Modal dialogs: confirm (before losing data), prompt (graph names) and the file-conflict choice. */
export function Dialogs() {
  const confirm = useUiStore((state) => state.confirm);
  const prompt = useUiStore((state) => state.prompt);
  const conflict = useWorkspaceStore((state) => state.conflict);
  return (
    <>
      {confirm && <ConfirmDialog />}
      {prompt && <PromptDialog />}
      {conflict && !confirm && !prompt && <ConflictDialog />}
    </>
  );
}

function ConfirmDialog() {
  const request = useUiStore((state) => state.confirm)!;
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  const answer = (ok: boolean) => {
    useUiStore.setState({ confirm: null });
    request.resolve(ok);
  };
  return (
    <div className="sy-overlay is-dim" onMouseDown={() => answer(false)}>
      <div className="sy-dialog" role="alertdialog" aria-modal="true" aria-labelledby="sy-confirm-title" aria-describedby="sy-confirm-text" onMouseDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.key === "Escape" && answer(false)}>
        <h2 id="sy-confirm-title">{request.title}</h2>
        <p id="sy-confirm-text">{request.message}</p>
        <div className="sy-inline is-end">
          <button type="button" className="sy-button is-ghost" onClick={() => answer(false)}>
            {request.cancelLabel ?? "Cancel"}
          </button>
          <button ref={button} type="button" className={`sy-button ${request.danger ? "is-danger" : "is-primary"}`} onClick={() => answer(true)}>
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

function PromptDialog() {
  const request = useUiStore((state) => state.prompt)!;
  const [value, setValue] = useState(request.initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.select();
  }, []);
  const error = request.validate(value.trim());
  const answer = (result: string | null) => {
    useUiStore.setState({ prompt: null });
    request.resolve(result);
  };
  return (
    <div className="sy-overlay is-dim" onMouseDown={() => answer(null)}>
      <form
        className="sy-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sy-prompt-title"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === "Escape" && answer(null)}
        onSubmit={(event) => {
          event.preventDefault();
          if (!error) answer(value.trim());
        }}
      >
        <h2 id="sy-prompt-title">{request.title}</h2>
        <label className="sy-label" htmlFor="sy-prompt-input">
          {request.label}
        </label>
        <input id="sy-prompt-input" ref={input} className="sy-input" value={value} onChange={(event) => setValue(event.target.value)} spellCheck={false} aria-invalid={!!error} />
        <div className="sy-field-error" role="alert">{value !== request.initial || error ? error : ""}</div>
        <div className="sy-inline is-end">
          <button type="button" className="sy-button is-ghost" onClick={() => answer(null)}>
            Cancel
          </button>
          <button type="submit" className="sy-button is-primary" disabled={!!error}>
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

function ConflictDialog() {
  const conflict = useWorkspaceStore((state) => state.conflict)!;
  const [busy, setBusy] = useState(false);
  const choose = async (choice: "use-disk" | "keep-mine") => {
    setBusy(true);
    try {
      await resolveConflict(choice);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sy-overlay is-dim">
      <div className="sy-dialog is-wide" role="alertdialog" aria-modal="true" aria-labelledby="sy-conflict-title" aria-describedby="sy-conflict-text">
        <h2 id="sy-conflict-title">
          <Icon name="alert" size={18} /> “{conflict.graphName}” changed on disk
        </h2>
        <p id="sy-conflict-text">
          {conflict.reason === "save-refused"
            ? "Your save was not written: someone (or another tool) changed the file since you opened it."
            : "The file was changed outside Switchyard while you have unsaved edits here."}{" "}
          Which version do you want to keep?
        </p>
        <div className="sy-inline is-end">
          <button type="button" className="sy-button" disabled={busy} onClick={() => void choose("use-disk")}>
            Reload from disk (discard my edits)
          </button>
          <button type="button" className="sy-button is-primary" disabled={busy} onClick={() => void choose("keep-mine")}>
            Keep my edits (overwrite the file)
          </button>
        </div>
      </div>
    </div>
  );
}
