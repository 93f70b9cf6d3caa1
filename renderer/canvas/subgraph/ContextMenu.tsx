import { useEffect, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Icon } from "../../app/Icon";

/**
 * A context menu at a point: closes on a click elsewhere or on Escape. Escape is taken in the
 * capture phase and stopped, so it closes the menu only (not also the selection or the subgraph).
 */
export function ContextMenu({ label, title, x, y, onClose, children }: { label: string; title: string; x: number; y: number; onClose: () => void; children: ReactNode }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      onClose();
    };
    window.addEventListener("pointerdown", onClose);
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("pointerdown", onClose);
      window.removeEventListener("keydown", onKey, true);
    };
  }, [onClose]);
  return createPortal(
    <div className="sy-menu" role="menu" aria-label={label} style={{ left: x, top: y }}>
      <div className="sy-menu-title">{title}</div>
      {children}
    </div>,
    document.body,
  );
}

/** One item; `checked` makes it a checkbox item. Runs, then closes the menu. */
export function MenuItem({ label, checked, shortcut, title, onSelect, onClose }: { label: string; checked?: boolean; shortcut?: string; title?: string; onSelect: () => void; onClose: () => void }) {
  return (
    <button
      type="button"
      role={checked === undefined ? "menuitem" : "menuitemcheckbox"}
      aria-checked={checked}
      className="sy-menu-item"
      title={title}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={() => {
        onClose();
        onSelect();
      }}
    >
      <span className={`sy-menu-check ${checked ? "is-on" : ""}`}>{checked && <Icon name="check" size={12} />}</span>
      {label}
      {shortcut && <kbd>{shortcut}</kbd>}
    </button>
  );
}
