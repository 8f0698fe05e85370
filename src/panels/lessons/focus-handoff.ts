// Focus handed between the lesson list and an open step, whose elements replace each other: the list's
// button that opened a lesson is gone once the step shows, and "← All lessons" is gone once the list
// shows. What the learner pressed says where focus goes next (WCAG 2.4.3).
import type { LessonId } from '../../lessons/steps.ts';

export const handoff: { toStep: boolean; toEntry: LessonId | null } = { toStep: false, toEntry: null };
