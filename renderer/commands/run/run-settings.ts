/**
 * Debugger run settings kept in the browser: the recursion limit sent as the run's
 * config.recursion_limit (unset: the server's, which is LangGraph's 25 unless the assistant sets it).
 */
export function recursionLimit(): number | undefined {
  try {
    const value = Number(localStorage.getItem("switchyard.debugger.recursionLimit"));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
