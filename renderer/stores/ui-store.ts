import { create } from "zustand";

export const MINIMAP_AUTO_LIMIT = 300;

export type Theme = "dark" | "light";
export type BottomTab = "problems" | "events" | "run" | "timeline" | "tests" | "pins";

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** What declining means here, when "Cancel" would not say it. */
  cancelLabel?: string;
  danger?: boolean;
  resolve: (ok: boolean) => void;
}

export interface PromptRequest {
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  validate: (value: string) => string | null;
  resolve: (value: string | null) => void;
}

export interface Toast {
  id: number;
  tone: "info" | "error" | "success";
  message: string;
}

/** Everything about the window that is not the document: never in undo history. */
export interface UiState {
  theme: Theme;
  snapToGrid: boolean;
  /** null: automatic (shown up to MINIMAP_AUTO_LIMIT nodes; above it, drawing it costs more than it helps). */
  minimap: boolean | null;
  /** true: zoomed out past FAR_ZOOM the canvas draws boxes without text (see canvas/level-of-detail.ts); false: always full detail. */
  simplifyFarZoom: boolean;
  sidebarOpen: boolean;
  inspectorOpen: boolean;
  bottomOpen: boolean;
  sidebarWidth: number;
  inspectorWidth: number;
  bottomHeight: number;
  bottomTab: BottomTab;
  inspectorView: "form" | "json";
  helpOpen: boolean;
  paletteOpen: boolean;
  aboutOpen: boolean;
  quickAddOpen: boolean;
  runPopoverOpen: boolean;
  confirm: ConfirmRequest | null;
  prompt: PromptRequest | null;
  toasts: Toast[];
}

const saved = (() => {
  try {
    return JSON.parse(localStorage.getItem("switchyard.ui") ?? "{}") as Partial<UiState>;
  } catch {
    return {};
  }
})();


export const useUiStore = create<UiState>()(() => ({
  theme: saved.theme ?? "dark",
  snapToGrid: saved.snapToGrid ?? true,
  minimap: saved.minimap ?? null,
  simplifyFarZoom: saved.simplifyFarZoom ?? true,
  sidebarOpen: saved.sidebarOpen ?? true,
  inspectorOpen: saved.inspectorOpen ?? true,
  bottomOpen: saved.bottomOpen ?? true,
  sidebarWidth: saved.sidebarWidth ?? 240,
  inspectorWidth: saved.inspectorWidth ?? 340,
  bottomHeight: saved.bottomHeight ?? 190,
  bottomTab: "problems",
  inspectorView: "form",
  helpOpen: false,
  paletteOpen: false,
  aboutOpen: false,
  quickAddOpen: false,
  runPopoverOpen: false,
  confirm: null,
  prompt: null,
  toasts: [],
}));

const persisted = ["theme", "snapToGrid", "minimap", "simplifyFarZoom", "sidebarOpen", "inspectorOpen", "bottomOpen", "sidebarWidth", "inspectorWidth", "bottomHeight"] as const;
useUiStore.subscribe((state) => {
  try {
    localStorage.setItem("switchyard.ui", JSON.stringify(Object.fromEntries(persisted.map((key) => [key, state[key]]))));
  } catch {}
});

/** Asks before something that loses data; resolves true when the person confirms. */
export function askConfirm(request: Omit<ConfirmRequest, "resolve">): Promise<boolean> {
  return new Promise((resolve) => useUiStore.setState({ confirm: { ...request, resolve } }));
}

export function askText(request: Omit<PromptRequest, "resolve">): Promise<string | null> {
  return new Promise((resolve) => useUiStore.setState({ prompt: { ...request, resolve } }));
}

let toastId = 0;
export function showToast(message: string, tone: Toast["tone"] = "info", ms = 4000): void {
  const id = ++toastId;
  useUiStore.setState((state) => ({ toasts: [...state.toasts.slice(-3), { id, tone, message }] }));
  setTimeout(() => useUiStore.setState((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })), ms);
}
