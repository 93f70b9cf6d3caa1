/**
 * The preload of the desktop window: the narrow, typed door between the page and the shell.
 * It runs sandboxed (CommonJS, only `electron`'s renderer modules available) and exposes one
 * object, `window.switchyardDesktop`, with named functions; `ipcRenderer` itself never
 * reaches the page. The main process checks the sender of every message (ipc.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import {
  DESKTOP_BRIDGE_GLOBAL,
  DESKTOP_CHANNELS,
  isMenuCommand,
  type DesktopBridge,
  type MenuCommand,
  type MenuEnabledState,
  type SaveGraphFileRequest,
} from "../../shared/desktop-bridge";

const bridge: DesktopBridge = {
  openWorkspaceFolder: () => ipcRenderer.invoke(DESKTOP_CHANNELS.openWorkspaceFolder),
  openLangGraphProject: () => ipcRenderer.invoke(DESKTOP_CHANNELS.openLangGraphProject),
  openRecentWorkspace: (path: string) => ipcRenderer.invoke(DESKTOP_CHANNELS.openRecentWorkspace, String(path)),
  recentWorkspaces: () => ipcRenderer.invoke(DESKTOP_CHANNELS.recentWorkspaces),
  openGraphFile: () => ipcRenderer.invoke(DESKTOP_CHANNELS.openGraphFile),
  saveGraphFileAs: (request: SaveGraphFileRequest) =>
    ipcRenderer.invoke(DESKTOP_CHANNELS.saveGraphFileAs, { suggestedName: String(request?.suggestedName), text: String(request?.text) }),
  appInfo: () => ipcRenderer.invoke(DESKTOP_CHANNELS.appInfo),
  allowDeploymentOrigin: (origin: string) => ipcRenderer.invoke(DESKTOP_CHANNELS.allowDeploymentOrigin, String(origin)),
  setMenuState: (enabled: MenuEnabledState) => ipcRenderer.invoke(DESKTOP_CHANNELS.setMenuState, { ...enabled }),
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    // The page gets the command name only, never the IPC event (which carries `sender`).
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(DESKTOP_CHANNELS.menuCommand, forward);
    return () => {
      ipcRenderer.removeListener(DESKTOP_CHANNELS.menuCommand, forward);
    };
  },
};

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_GLOBAL, bridge);
