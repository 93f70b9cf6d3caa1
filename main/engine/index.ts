export { compileGraphDoc, documentHash, InvalidGraphError, type CompiledGraph, type CompileOptions } from "./compile";
export { defaultChatModelFactory, ProviderNotAvailableError, type ChatModelFactory } from "./providers";
export { ScriptedChatModel } from "./providers/scripted";
export { checkNodeNames, UnknownNodeError } from "./node-names";
export { toWire, messageToWire } from "./wire-values";
