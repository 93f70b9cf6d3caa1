import type { GraphDoc } from "../../../../shared/graph-doc";
import type { LlmConfig } from "../../../../shared/node-kinds/llm";
import { chatModelFactory } from "../../../../main/engine/providers";
import { loadSeedDoc } from "../../../helpers/seed";

export const TEST_KEY = "sk-test-fake-provider-key-0123456789";

/** The seed graph with its agent on a real provider class pointed at the fake server. */
export function seedDocWith(agent: Partial<LlmConfig>): GraphDoc {
  const doc = loadSeedDoc();
  return {
    ...doc,
    nodes: doc.nodes.map((node) => (node.kind === "llm" ? { ...node, config: { ...node.config, replies: [], ...agent } } : node)),
  } as GraphDoc;
}

/** A model factory reading keys from given settings and environment (not the user's). */
export function factoryWithKeys(keys: { openai?: string; anthropic?: string }, env: NodeJS.ProcessEnv = {}) {
  return chatModelFactory({ settings: () => ({ version: 1, keys, baseUrls: {} }), env });
}
