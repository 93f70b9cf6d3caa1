import { debuggerApiOf, type DebuggerApi } from "../../client/debugger-api";
import { openGraphServer } from "../../stores/open-graph-store";

/** The debugger's calls on the server the open graph runs on (its own client, never a global target). */
export function openGraphDebugger(): DebuggerApi {
  return debuggerApiOf(openGraphServer());
}
