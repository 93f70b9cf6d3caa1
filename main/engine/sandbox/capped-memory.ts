/** The part of a WebAssembly.Memory used here: the Node tsconfig has no WebAssembly lib types. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
type WasmMemoryConstructor = new (descriptor: { initial: number; maximum: number }) => WasmMemory;
const { Memory } = (globalThis as unknown as { WebAssembly: { Memory: WasmMemoryConstructor } }).WebAssembly;

/** QuickJS's WebAssembly memory is counted in 64 KiB pages. */
const PAGE_BYTES = 64 * 1024;
const MB = 1024 * 1024;
/** The build's INITIAL_MEMORY: a memory given to the module may not start smaller. */
const INITIAL_BYTES = 16 * MB;
/** What QuickJS keeps below its heap (the C stack and static data): 5.3 MB measured on 0.32. */
const RESERVED_BYTES = 6 * MB;

/**
 * The one WebAssembly memory a sandbox worker's QuickJS lives in, unable to grow past the cap.
 *
 * QuickJS's own `setMemoryLimit` cannot count here: this build has no `malloc_usable_size`
 * ("malloc_usable_size unavailable" in its memory dump), so it refuses only a single allocation
 * larger than the limit and lets a program hold any number of smaller ones. A memory with a
 * `maximum` makes the limit physical: once the heap is full, `memory.grow` fails, malloc returns
 * NULL and QuickJS throws its own "out of memory". V8's `resourceLimits` do not help either: a
 * wasm memory is an external buffer, not old-generation heap (a worker capped at 192 MB of old
 * generation held 2 GB of QuickJS heap).
 */
export function cappedWasmMemory(memoryMb: number): WasmMemory {
  const bytes = Math.max(INITIAL_BYTES, memoryMb * MB + RESERVED_BYTES);
  return new Memory({ initial: INITIAL_BYTES / PAGE_BYTES, maximum: Math.ceil(bytes / PAGE_BYTES) });
}

/** Whether the heap grew beyond its first size: a wasm memory never shrinks, so only ending its worker gives it back. */
export function hasGrown(memory: WasmMemory): boolean {
  return memory.buffer.byteLength > INITIAL_BYTES;
}
