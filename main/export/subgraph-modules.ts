import { camelCase, snakeCase } from "./names";

/**
 * Each graph a subgraph node runs is written as its own module of the exported project, which
 * exports a compile function the parent adds as the node (LangGraph's compiled graph as a node).
 */
export function tsSubgraphModule(graphName: string): string {
  return `subgraph-${graphName.replace(/[^\w-]+/g, "-")}`;
}

export function tsCompileName(graphName: string): string {
  return camelCase(`compile ${graphName} graph`);
}

export function pySubgraphModule(graphName: string): string {
  return `subgraph_${snakeCase(graphName)}`;
}

export function pyBuildName(graphName: string): string {
  return snakeCase(`build ${graphName} graph`);
}
