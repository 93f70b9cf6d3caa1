import { useEffect } from "react";
import { desktopBridge, MENU_COMMANDS, type MenuEnabledState } from "../../shared/desktop-bridge";
import { canRunCommand } from "../commands/registry/app-commands";
import { commandContext } from "../commands/registry/command-context";
import { useGraphStore } from "../stores/graph-store";
import { useOpenGraph } from "../stores/open-graph-store";
import { useRunStore } from "../stores/run-store";

/** Which menu commands can run now: the registry's `canRun` for each of them. */
export function menuEnabledState(): MenuEnabledState {
  const context = commandContext();
  return Object.fromEntries(MENU_COMMANDS.map((id) => [id, canRunCommand(id, context)]));
}

/**
 * In the desktop app, keeps the native menu's enabled state equal to the registry's `canRun`:
 * recomputed (once per frame at most) when the graph, its history, the open graph, the run or the focus changes,
 * and sent to the shell only when it differs from what was sent last.
 */
export function useMenuState(): void {
  useEffect(() => {
    const bridge = desktopBridge();
    if (!bridge) return;
    let sent = "";
    let frame = 0;
    const update = () => {
      frame = 0;
      const state = menuEnabledState();
      const text = JSON.stringify(state);
      if (text === sent) return;
      sent = text;
      void bridge.setMenuState(state).catch(() => (sent = ""));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(update);
    };
    schedule();
    // The open graph store too: a drawn graph's selection (F9's target) and its source live there.
    const stops = [useGraphStore.subscribe(schedule), useGraphStore.temporal.subscribe(schedule), useOpenGraph.subscribe(schedule), useRunStore.subscribe(schedule)];
    window.addEventListener("focusin", schedule);
    window.addEventListener("focusout", schedule);
    return () => {
      stops.forEach((stop) => stop());
      window.removeEventListener("focusin", schedule);
      window.removeEventListener("focusout", schedule);
      cancelAnimationFrame(frame);
    };
  }, []);
}
