// The lab store: one zustand store made of slices (the zustand slices pattern), each in its own file:
// - the lab's own (lab-slice.ts): settings asked and in force, status, notices, and the actions that
//   tell the training worker;
// - the Inference lab's measurements, the learner's own data, a lesson's exact run (page-slices.ts);
// - the page's switches: side column, classroom tools, palette, update notice, announcer (ui-slice.ts).
// Components select narrowly (`useLab((s) => s.step)`), so a slice's change re-renders only its readers.
// Two kinds of state stay apart on purpose: the frame stream (frame.ts, many updates a second, read
// outside React) and the lessons' progress (lesson.ts, kept in localStorage on every change).
import { create } from 'zustand';
import { createLabSlice, type LabState, type SessionPort } from './lab-slice.ts';
import { createPageSlices, type PageSlices } from './page-slices.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';

export * from './lab-slice.ts';

export type LabStore = LabState & PageSlices & UiSlice;

export const useLab = create<LabStore>()((...a) => ({
  ...createLabSlice(...a),
  ...createPageSlices(...a),
  ...createUiSlice(...a),
}));

/** Commands from the store's actions go to `p` (null: nowhere). */
export function connectPort(p: SessionPort | null): void {
  useLab.setState({ port: p });
}
