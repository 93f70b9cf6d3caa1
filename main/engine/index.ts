export { compileGraphDoc, documentHash, InvalidGraphError, type CompiledGraph, type CompileOptions } from "./compile";
export { chatModelFactory, defaultChatModelFactory, ProviderNotAvailableError, type ChatModelFactory } from "./providers";
export { assertRunnable, checkRunnable, codeProblems, GraphNotRunnableError, providerProblems } from "./preflight";
export { closeSandboxes } from "./sandbox/sandbox";
export { ScriptedChatModel } from "./providers/scripted";
export { checkNodeNames, UnknownNodeError } from "./node-names";
export { toWire, messageToWire } from "./wire-values";
