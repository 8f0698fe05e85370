// Valid lab states, generated from the hyperparameter table so a new entry is covered without
// touching the tests. Lists that follow the hidden layers get the same length; the batch is at most
// the training set.
import fc from 'fast-check';
import {
  DEFAULT_STATE, HYPERPARAMS, setAt,
  type ItemSpec, type LabState, type ParamEntry,
} from '../../src/protocol/hyperparams.ts';
import { CNN_DATA } from '../../src/protocol/config.ts';

type Item = number | string | boolean;

function itemArb(spec: ItemSpec): fc.Arbitrary<Item> {
  switch (spec.kind) {
    case 'int': {
      // A snapped entry (the kernel: 1, 3, 5) is valid only on its grid min + k·step.
      const step = spec.snap && spec.step ? spec.step : 0;
      return step ? fc.integer({ min: 0, max: Math.floor((spec.max - spec.min) / step) }).map((k) => spec.min + k * step) : fc.integer({ min: spec.min, max: spec.max });
    }
    case 'number': {
      // Log-scale ranges span decades: draw the exponent so small values are as likely as large ones.
      const base =
        spec.scale === 'log'
          ? fc.double({ min: Math.log10(spec.min), max: Math.log10(spec.max), noNaN: true }).map((t) => Math.min(spec.max, Math.max(spec.min, 10 ** t)))
          : fc.double({ min: spec.min, max: spec.max, noNaN: true });
      const withEnds = fc.oneof(base, fc.constantFrom(spec.min, spec.max, spec.default));
      const v = spec.zeroAllowed ? fc.oneof(fc.constant(0), withEnds) : withEnds;
      return v.map((x) => (x === 0 ? 0 : x)); // no -0
    }
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'bool':
      return fc.boolean();
  }
}

function scalarArb(e: ParamEntry): fc.Arbitrary<unknown> {
  if (e.kind === 'list' || e.kind === 'text') throw new Error(`no scalar arbitrary for ${e.id}`);
  const a = itemArb(e);
  return e.kind === 'enum' && e.default === null ? fc.option(a, { nil: null }) : a;
}

const lessonId = fc
  .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), { maxLength: 39 }))
  .map(([h, t]) => h + t.join(''));

export const validState: fc.Arbitrary<LabState> = fc
  .integer({ min: 0, max: 6 })
  .chain((layers) => {
    const parts: Record<string, fc.Arbitrary<unknown>> = {};
    for (const e of HYPERPARAMS) {
      if (e.id === 'lesson' || e.id === 'lessonStep') continue;
      if (e.kind === 'list') {
        const len = e.lengthOf || e.id === 'hidden' ? { minLength: layers, maxLength: layers } : { maxLength: e.maxLength };
        const item = e.item;
        parts[e.id] = e.set && item.kind === 'enum' ? fc.subarray([...item.values]) : fc.array(itemArb(item), len);
      } else if (e.kind !== 'text') parts[e.id] = scalarArb(e);
    }
    parts.lesson = fc.option(fc.record({ id: lessonId, step: fc.integer({ min: 0, max: 99 }) }), { nil: null });
    return fc.record(parts);
  })
  .map((values) => {
    let s: LabState = { ...DEFAULT_STATE, lesson: values.lesson as LabState['lesson'] };
    for (const e of HYPERPARAMS) {
      if (e.id === 'lesson' || e.id === 'lessonStep') continue;
      s = setAt(s, e.path, values[e.id] as never);
    }
    // The architecture rule (protocol/arch-rule.ts): a CNN only on the digits.
    if (s.config.arch === 'cnn') s = setAt(s, 'config.data.name', CNN_DATA);
    return s.config.train.batchSize > s.config.data.trainSize ? setAt(s, 'config.train.batchSize', s.config.data.trainSize) : s;
  });
