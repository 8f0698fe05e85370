// The architecture rule: arch=cnn implies the digit images, through a link, a settings file, the
// store's patches and the worker alike.
import { describe, expect, it } from 'vitest';
import { parseUrl, serializeUrl } from '../../src/url/state.ts';
import { withArchRule } from '../../src/protocol/arch-rule.ts';
import { cnnSpecOf, modelSpecOf } from '../../src/protocol/arch.ts';
import { DEFAULT_CONFIG, DEFAULT_TEACH } from '../../src/protocol/config.ts';
import { settingsFromJson, settingsToJson } from '../../src/export/config.ts';

describe('arch=cnn', () => {
  it('opens the CNN on the digits, silently when the link names no data', () => {
    const { state, notices } = parseUrl('?arch=cnn');
    expect(state.config.arch).toBe('cnn');
    expect(state.config.data.name).toBe('digits');
    expect(notices).toEqual([]);
    expect(parseUrl(serializeUrl(state)).state).toEqual(state);
  });

  it('corrects a CNN on 2-D points to the digits, and says so', () => {
    const { state, notices } = parseUrl('?arch=cnn&data=moons');
    expect(state.config.data.name).toBe('digits');
    expect(notices).toEqual([{ param: 'data', id: 'dataset', kind: 'clamped', given: 'moons', used: 'digits', reason: 'cnnDigits' }]);
  });

  it('keeps patches coherent: choosing the CNN switches to the digits, other data back to the MLP', () => {
    expect(withArchRule(DEFAULT_CONFIG, { arch: 'cnn' })).toEqual({ arch: 'cnn', data: { name: 'digits' } });
    const cnn = { ...DEFAULT_CONFIG, arch: 'cnn' as const, data: { ...DEFAULT_CONFIG.data, name: 'digits' as const } };
    expect(withArchRule(cnn, { data: { name: 'moons' } })).toEqual({ data: { name: 'moons' }, arch: 'mlp' });
    expect(withArchRule(cnn, { conv: { channels: 4 } })).toEqual({ conv: { channels: 4 } });
  });

  it('is refused by the engine side on anything but the digit images', () => {
    const moons = { ...DEFAULT_CONFIG, arch: 'cnn' as const, data: { ...DEFAULT_CONFIG.data, name: 'moons' as const } };
    expect(() => modelSpecOf(moons, 2, 2, 'cross_entropy')).toThrow(/digit images/);
    const digits = { ...moons, data: { ...moons.data, name: 'digits' as const } };
    expect(modelSpecOf(digits, 64, 10, 'cross_entropy').layers.map((l) => l.type)).toContain('conv2d');
  });

  it('reads a settings file from before the CNN as an MLP with no notices, and corrects a CNN on points', () => {
    const old = JSON.parse(settingsToJson({ config: DEFAULT_CONFIG, teach: DEFAULT_TEACH, mode: 'training' }));
    delete old.config.arch;
    delete old.config.conv;
    const r = settingsFromJson(JSON.stringify(old));
    expect(r.ok && r.notices).toEqual([]);
    old.config.arch = 'cnn';
    const c = settingsFromJson(JSON.stringify(old));
    expect(c.ok && c.settings.config.data.name).toBe('digits');
    expect(c.ok && c.notices.map((n) => n.path)).toContain('config.data.name');
  });

  it('takes the kernel and the pooling from a link, and writes them back only when not the default', () => {
    const { state, notices } = parseUrl('?arch=cnn&kern=5&pool=none');
    expect(notices).toEqual([]);
    expect(state.config.conv).toMatchObject({ kernel: 5, pool: 'none' });
    const url = serializeUrl(state);
    expect(url).toContain('kern=5');
    expect(url).toContain('pool=none');
    expect(parseUrl(url).state).toEqual(state);
    expect(serializeUrl(parseUrl('?arch=cnn&kern=3&pool=auto').state)).not.toMatch(/kern=|pool=/);
    // Only odd kernels: the nearest one, with a notice.
    const even = parseUrl('?arch=cnn&kern=4');
    expect(even.state.config.conv.kernel).toBe(5);
    expect(even.notices).toMatchObject([{ param: 'kern', kind: 'clamped', given: '4', used: '5' }]);
    expect(parseUrl('?arch=cnn&kern=2').state.config.conv.kernel).toBe(3);
  });

  it('keeps old links’ meaning: no pool key pools by depth, 3×3 kernels', () => {
    const spec = (q: string) => cnnSpecOf(parseUrl(q).state.config);
    expect(spec('?arch=cnn')).toMatchObject({ kernel: 3, pool: 'each' });
    expect(spec('?arch=cnn&conv=3')).toMatchObject({ pool: 'each' });
    expect(spec('?arch=cnn&conv=4')).toMatchObject({ pool: 'once' });
    expect(spec('?arch=cnn&conv=6&pool=each')).toMatchObject({ pool: 'each' });
    expect(spec('?arch=cnn&conv=2&pool=once')).toMatchObject({ pool: 'once' });
  });

  it('reads a CNN settings file from before the kernel and pooling controls with no notices', () => {
    const cnn = { ...DEFAULT_CONFIG, arch: 'cnn' as const, data: { ...DEFAULT_CONFIG.data, name: 'digits' as const } };
    const old = JSON.parse(settingsToJson({ config: cnn, teach: DEFAULT_TEACH, mode: 'training' }));
    delete old.config.conv.kernel;
    delete old.config.conv.pool;
    const r = settingsFromJson(JSON.stringify(old));
    expect(r.ok && r.notices).toEqual([]);
    expect(r.ok && r.settings.config.conv).toEqual(DEFAULT_CONFIG.conv);
  });
});
