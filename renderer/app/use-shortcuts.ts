import { useEffect } from "react";
import { commandInfo } from "../../shared/command-table";
import { desktopBridge } from "../../shared/desktop-bridge";
import { commandContext } from "../commands/registry/command-context";
import { runCommand } from "../commands/registry/app-commands";
import { useUiStore } from "../stores/ui-store";
import { commandForKey, isMac } from "./keys";

/** Window-level keyboard shortcuts: a key press runs its command from the registry. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const id = commandForKey(event);
      if (!id) return;
      const info = commandInfo(id);
      const context = commandContext();
      if (context.typing && !info.inInputs) return;
      // macOS's menu keeps these key equivalents (they must work in text fields): the menu runs them.
      if (isMac && context.desktop && info.menu?.some((place) => place.macNativeKey)) return;
      const ui = useUiStore.getState();
      const modalOpen = !!(ui.confirm || ui.prompt || ui.quickAddOpen || ui.paletteOpen || ui.aboutOpen);
      if (modalOpen && id !== "edit.deselect") return;
      if (runCommand(id, context)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}

/** In the desktop app: native menu commands run from the registry, and the menu greys out what cannot run. */
export function useMenuCommands(): void {
  useEffect(() => desktopBridge()?.onMenuCommand((id) => void runCommand(id)), []);
}
