// 'custom' data cannot come from a link (the rows are not in it): a link that says data=custom is
// read with the default data set and a notice saying why, and a state on custom data writes no data key.
import { describe, expect, it } from 'vitest';
import { parseUrl, serializeUrl } from '../../src/url/state.ts';
import { DEFAULT_STATE, setAt } from '../../src/protocol/hyperparams.ts';
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';

describe('custom data and links', () => {
  it('data=custom is dropped with a notice that names the reason', () => {
    const { state, notices } = parseUrl('?data=custom&p=0.5');
    expect(state.config.data.name).toBe(DEFAULT_CONFIG.data.name);
    expect(state.config.net.dropoutP).toBe(0.5);
    expect(notices).toEqual([{ param: 'data', id: 'dataset', kind: 'dropped', given: 'custom', used: DEFAULT_CONFIG.data.name, reason: 'customData' }]);
  });

  it('any other unknown data set is a plain "not understood"', () => {
    const { notices } = parseUrl('?data=mnist');
    expect(notices).toHaveLength(1);
    expect(notices[0].reason).toBeUndefined();
  });

  it('a state on custom data writes the rest of its settings but no data key', () => {
    let s = setAt(DEFAULT_STATE, 'config.data.name', 'custom');
    s = setAt(s, 'config.seed', 42);
    const q = serializeUrl(s);
    expect(q).toBe('?seed=42');
    expect(parseUrl(q).notices).toEqual([]);
  });
});
