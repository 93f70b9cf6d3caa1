import { useEffect, useId, useRef, useState } from "react";
import type { MountedEditor } from "./code-mirror";

const loadCodeMirror = () => import("./code-mirror");

/** Fetches the editor's code while the app is idle, so the first code node opens without a wait. */
export function preloadCodeEditor(): void {
  void loadCodeMirror();
}

/**
 * JavaScript source in CodeMirror 6 (code nodes' and code tools' functions). The editor owns its
 * text while focused; a change from outside (undo, a file edited elsewhere) replaces it. Until
 * CodeMirror has loaded, the source shows as plain text in the same box.
 */
export function CodeEditor({ label, value, onChange, help, error }: { label: string; value: string; onChange: (value: string) => void; help?: string; error?: string | null }) {
  const id = useId();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<MountedEditor | null>(null);
  const [loaded, setLoaded] = useState(false);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  useEffect(() => {
    let cancelled = false;
    void loadCodeMirror().then(({ mountCodeMirror }) => {
      if (cancelled || !host.current) return;
      view.current = mountCodeMirror(host.current, { value: latest.current.value, label, describedBy: `${id}-help`, onChange: (next) => latest.current.onChange(next) });
      setLoaded(true);
    });
    return () => {
      cancelled = true;
      view.current?.destroy();
      view.current = null;
    };
    // The editor is made once; later values arrive through the effect below.
  }, []);
  useEffect(() => {
    view.current?.setValue(value);
  }, [value]);
  return (
    <div className={`sy-field ${error ? "has-error" : ""}`}>
      <span className="sy-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="sy-code-editor" ref={host} data-testid="code-editor">
        {!loaded && <pre className="sy-code-editor-loading" aria-busy="true">{value}</pre>}
      </div>
      {error ? (
        <div className="sy-field-error" role="alert" id={`${id}-help`}>
          {error}
        </div>
      ) : (
        <div className="sy-help" id={`${id}-help`}>
          {help}
        </div>
      )}
    </div>
  );
}
