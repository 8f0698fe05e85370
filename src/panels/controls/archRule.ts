// The Controls tab's choices of architecture and data follow the architecture rule (a CNN takes the
// digit images): here, in the tab's own chunk, rather than in the store, which the first screen loads.
import { withArchRule } from '../../protocol/arch-rule.ts';
import type { ConfigPatch } from '../../protocol/messages.ts';
import { useLab } from '../../store/lab.ts';

export function patchByArchRule(p: ConfigPatch): void {
  const lab = useLab.getState();
  lab.patch(withArchRule(lab.config, p));
}
