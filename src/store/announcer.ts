// The page's one voice for screen readers: at most one announcement a second over the whole page (a
// later message replaces one still waiting). Each store makes its own announcer (ui-slice.ts), with
// its clock and timer inside, so a test makes a fresh one with a fake clock (app/announce.ts).

/** The shortest gap between two announcements, over every live region on the page. */
export const ANNOUNCE_GAP_MS = 1000;

export interface Spoken {
  text: string;
  /** Counts announcements, so the same words said twice are a new message. */
  n: number;
}

export interface Announcer {
  /** Speak `text` now, or as soon as a second has passed since the last announcement. */
  announce(text: string): void;
  /** Another live region (a notice with role="alert") just spoke: the next announcement waits its turn. */
  markSpoken(): void;
  /** Drops a waiting message and its timer. */
  dispose(): void;
}

/** An announcer that hands each message to `say` (the store's `spoken`), timed by `now`. */
export function createAnnouncer(say: (text: string) => void, now: () => number = () => Date.now()): Announcer {
  let lastAt = -Infinity;
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const speak = (text: string) => {
    lastAt = now();
    say(text);
  };
  const self: Announcer = {
    announce(text) {
      if (!text) return;
      const wait = lastAt + ANNOUNCE_GAP_MS - now();
      if (wait <= 0 && timer === null) {
        speak(text);
        return;
      }
      pending = text;
      if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          const p = pending;
          pending = null;
          if (p) speak(p);
        }, Math.max(0, wait));
      }
    },
    markSpoken() {
      lastAt = now();
      if (timer !== null && pending !== null) {
        clearTimeout(timer);
        timer = null;
        const p = pending;
        pending = null;
        self.announce(p);
      }
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
  return self;
}
