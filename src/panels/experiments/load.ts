// "Load into the lab": a preset run's settings and teaching switches applied to the main lab on the
// chosen seed, from step 0 (the same pattern as a lesson step's setup).
import type { PresetRun } from '../../experiments/index.ts';
import { useLab } from '../../store/lab.ts';

export function loadIntoLab(run: PresetRun, seed: number): void {
  const lab = useLab.getState();
  const { data, net, train } = run.config;
  lab.pause();
  // Copies: the store keeps what it is given, and the presets' lists must never be shared with it.
  lab.patch({
    data: { ...data },
    net: { ...net, hidden: [...net.hidden], norm: [...net.norm], dropoutHidden: [...net.dropoutHidden] },
    train: { ...train },
    teach: { ...run.teach },
  });
  if (seed !== useLab.getState().config.seed) lab.setSeed(seed);
  lab.reset();
}
