// A watcher shared by several users: `begin` runs when the first one starts, and the stop it returns
// runs when the last one stops; each user's own stop counts once, however often it is called.
export function sharedStart(begin: () => () => void): () => () => void {
  let users = 0;
  let end: (() => void) | null = null;
  return () => {
    if (users++ === 0) end = begin();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      if (--users === 0) {
        end?.();
        end = null;
      }
    };
  };
}
