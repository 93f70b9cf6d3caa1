/**
 * One queue of writes per thread. LangGraph builds every state update on the checkpoint it reads
 * first, so two writes that overlap would both build on the same parent and the later would
 * silently supersede the earlier. Every route that writes a thread (state updates, bulk updates,
 * run starts, copies, deletes, metadata patches) runs its read-check-write inside `run`, so each
 * acknowledged write lands on top of the one acknowledged before it.
 *
 * A write holds its thread's turn until it settles, and a write must not wait for another turn of
 * the same thread inside its own (that would wait forever).
 */
export class ThreadWrites {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(threadId: string, write: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(threadId) ?? Promise.resolve();
    const result = previous.then(write);
    const tail = result.then(
      () => undefined,
      () => undefined, // a refused write still hands the turn on
    );
    this.tails.set(threadId, tail);
    void tail.then(() => {
      if (this.tails.get(threadId) === tail) this.tails.delete(threadId);
    });
    return result;
  }
}
