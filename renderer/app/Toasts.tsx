import { useUiStore } from "../stores/ui-store";
import { Icon } from "./Icon";

/** Short-lived messages (saved, reloaded, refused) in the corner; announced to screen readers. */
export function Toasts() {
  const toasts = useUiStore((state) => state.toasts);
  return (
    <div className="sy-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`sy-toast is-${toast.tone}`}>
          <Icon name={toast.tone === "error" ? "error" : toast.tone === "success" ? "check" : "alert"} size={14} />
          <span>{toast.message}</span>
        </div>
      ))}
    </div>
  );
}
