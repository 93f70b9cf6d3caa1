export { compileGraphDoc, documentHash, InvalidGraphError, type CompiledGraph, type CompileOptions } from "./compile";
export { chatModelFactory, defaultChatModelFactory, ProviderNotAvailableError, type ChatModelFactory } from "./providers";
export { assertRunnable, checkRunnable, codeProblems, GraphNotRunnableError, providerProblems } from "./preflight";
export { closeSandboxes } from "./sandbox/sandbox";
export { ScriptedChatModel } from "./providers/scripted";
export { checkNodeNames, docAtNamespace, namesInsideSubgraphs, nodeNamesOf, UnknownNodeError } from "./node-names";
export { workspaceGraphs, type GraphSource } from "./workspace-graphs";
export { SubgraphNotFoundError, type InterruptsInside } from "./nodes/subgraph";
export { toWire, messageToWire } from "./wire-values";
