import { useEffect, useRef, useState } from "react";
import { Icon } from "../../app/Icon";
import { EXPORT_LANGUAGES, exportAsCode } from "../../commands/export/export-code";
import { useGraphStore } from "../../stores/graph-store";
import { isEditable, useOpenGraph } from "../../stores/open-graph-store";
import "../../styles/deployment.css";

/** "Export as code…": a runnable LangGraph project (TypeScript or Python) of the open graph, as a zip. */
export function ExportMenu() {
  const hasDoc = useGraphStore((state) => !!state.doc);
  const readOnly = useOpenGraph((state) => !isEditable(state.graph));
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => !menu.current?.contains(event.target as Node) && setOpen(false);
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("pointerdown", close);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("pointerdown", close);
      window.removeEventListener("keydown", onKey);
    };
  }, [open]);
  // A graph defined in code or deployed already is code: there is nothing to export.
  if (!hasDoc || readOnly) return null;
  return (
    <div className="sy-run" ref={menu}>
      <button type="button" className="sy-tool" aria-label="Export as code…" aria-haspopup="menu" aria-expanded={open} title="Export as code… (a runnable LangGraph project)" disabled={busy} onClick={() => setOpen(!open)}>
        <Icon name="download" />
      </button>
      {open && (
        <div className="sy-menu sy-export-menu" role="menu" aria-label="Export as code">
          <div className="sy-menu-title">Export as code…</div>
          {EXPORT_LANGUAGES.map(({ lang, label }) => (
            <button
              key={lang}
              type="button"
              role="menuitem"
              className="sy-menu-item"
              onClick={async () => {
                setOpen(false);
                setBusy(true);
                await exportAsCode(lang);
                setBusy(false);
              }}
            >
              {label} project (.zip)
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
