import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { useEffect, useId, useRef } from "react";

/** Token colours that read on both themes (they sit on --bg-input). */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword, tags.definitionKeyword, tags.moduleKeyword], color: "#c678dd" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "#3fa776" },
  { tag: [tags.number, tags.bool, tags.null], color: "#d19a66" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "#7f8794", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "#4f8ff7" },
  { tag: [tags.propertyName], color: "#d16d8a" },
  { tag: [tags.typeName, tags.className], color: "#c8a13a" },
]);

const theme = EditorView.theme({
  "&": { backgroundColor: "transparent", color: "var(--text)" },
  ".cm-content": { caretColor: "var(--text)", padding: "6px 0" },
  ".cm-cursor": { borderLeftColor: "var(--text)" },
  ".cm-activeLine": { backgroundColor: "var(--bg-hover)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--bg-hover)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground": { backgroundColor: "var(--accent-soft)" },
});

/**
 * JavaScript source in CodeMirror 6 (code nodes' and code tools' functions). The editor owns its
 * text while focused; a change from outside (undo, a file edited elsewhere) replaces it.
 */
export function CodeEditor({ label, value, onChange, help, error }: { label: string; value: string; onChange: (value: string) => void; help?: string; error?: string | null }) {
  const id = useId();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(highlight),
          javascript(),
          // The inspector is narrow: wrap long lines rather than scroll sideways.
          EditorView.lineWrapping,
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          theme,
          EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": `${id}-help` }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; later values arrive through the effect below.
  }, []);
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);
  return (
    <div className={`sy-field ${error ? "has-error" : ""}`}>
      <span className="sy-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="sy-code-editor" ref={host} data-testid="code-editor" />
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
