/** One thing wrong with a graph document, located precisely enough to select it on the canvas. */
export interface Problem {
  /** e.g. `nodes[3].config.tools[0].name` */
  path: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
}

export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, "");
}
