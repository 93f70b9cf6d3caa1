import { useEffect, type ReactNode } from "react";
import { Icon } from "../../app/Icon";

/** The replay dialogs' frame: dimmed page, title and close button; Escape or a click outside closes it. */
export function ModalDialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const id = `sy-dialog-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <div className="sy-overlay is-dim" onMouseDown={onClose}>
      <div className={`sy-dialog sy-replay-dialog ${wide ? "is-wide" : ""}`} role="dialog" aria-modal="true" aria-labelledby={id} onMouseDown={(event) => event.stopPropagation()}>
        <div className="sy-dialog-head">
          <h2 id={id}>{title}</h2>
          <button type="button" className="sy-icon-button" aria-label="Close" onClick={onClose}>
            <Icon name="x" size={14} />
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
