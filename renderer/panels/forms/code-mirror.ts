import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";

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

export interface MountedEditor {
  setValue(value: string): void;
  destroy(): void;
}

/**
 * CodeMirror 6 with JavaScript highlighting in `host`. Loaded on demand (see CodeEditor): the
 * editor's ~400 kB of code is not needed until a code node is opened.
 */
export function mountCodeMirror(host: HTMLElement, options: { value: string; label: string; describedBy: string; onChange: (value: string) => void }): MountedEditor {
  const editor = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: options.value,
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
        EditorView.contentAttributes.of({ "aria-label": options.label, "aria-describedby": options.describedBy }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setValue(value) {
      if (editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    },
    destroy: () => editor.destroy(),
  };
}
