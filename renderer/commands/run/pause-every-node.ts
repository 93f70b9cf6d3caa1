import { create } from "zustand";

/** "Pause at every node": every run pauses before each node (interrupt_before "*"). Not in history. */
export const usePauseEveryNode = create<{ on: boolean }>()(() => ({ on: false }));

export const pauseEveryNode = {
  title: "Pause at every node",
  isOn: () => usePauseEveryNode.getState().on,
  toggle: () => usePauseEveryNode.setState((state) => ({ on: !state.on })),
};
