// The sample digits as a select's options ("Test image 3 (label 7)"): the feature maps' digit and the
// Inference lab's Monte-Carlo digit are chosen from the same list.
import { useT } from '../../i18n/useT.ts';
import type { ReadyInfo } from '../../protocol/frame.ts';

export function ProbeOptions({ ready }: { ready: ReadyInfo }) {
  const t = useT();
  return Array.from({ length: ready.data.probeCount }, (_, j) => (
    <option key={j} value={j}>
      {t('cnn.maps.sampleOption', { n: j + 1, cls: ready.data.probeY[j] })}
    </option>
  ));
}
