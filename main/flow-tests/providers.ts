import type { GraphDoc } from "../../shared/graph-doc";

/** The environment variable that holds each real provider's key (Ollama runs locally without one). */
const KEY_VARIABLES: Record<string, string | undefined> = { openai: "OPENAI_API_KEY", anthropic: "ANTHROPIC_API_KEY", ollama: undefined };

export interface RealModelNode {
  node: string;
  provider: string;
}

export function realModelNodes(doc: GraphDoc): RealModelNode[] {
  return doc.nodes.flatMap((node) => (node.kind === "llm" && node.config.provider !== "scripted" ? [{ node: node.id, provider: node.config.provider }] : []));
}

/** Why a real-provider test cannot run here (a key that is not configured), or undefined when it can. */
export function missingProviderKey(doc: GraphDoc, env: NodeJS.ProcessEnv): string | undefined {
  for (const { node, provider } of realModelNodes(doc)) {
    const variable = KEY_VARIABLES[provider];
    if (variable && !env[variable]) return `no ${provider} key configured (set ${variable}; node ${node} uses ${provider})`;
  }
  return undefined;
}
