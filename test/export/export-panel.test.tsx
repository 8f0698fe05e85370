// @vitest-environment jsdom
// The export panel by role: chart downloads for the charts marked on the page, the metrics history,
// settings out and back in (with notices), and the learner's own data — a bad file is refused with
// row/column messages in an alert and nothing sent; a good one is sent and switched to.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '../../src/panels/export/ExportPanel.tsx';
import { connectPort, useLab, type LabStore } from '../../src/store/lab.ts';
import { setFrame } from '../../src/store/frame.ts';
import { useCustomData } from '../../src/store/custom-data.ts';
import { settingsToJson } from '../../src/export/config.ts';
import type { Command } from '../../src/protocol/messages.ts';
import { fixtureConfig, makeFixture, trainFor } from '../fixtures/frames.ts';

const initialLab: LabStore = useLab.getState();
let sent: Command[];
let saved: { name: string; blob: Blob }[];

beforeEach(() => {
  useLab.setState({ ...initialLab, lang: 'en' }, true);
  useCustomData.setState({ loaded: null });
  sent = [];
  connectPort({ send: (c) => sent.push(c) });
  saved = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    last = b;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: last! });
  });
});

afterEach(() => {
  cleanup();
  connectPort(null);
  setFrame(null);
  useLab.setState(initialLab, true);
  useCustomData.setState({ loaded: null });
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function upload(label: RegExp, name: string, text: string, type = 'text/csv') {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  const file = new File([text], name, { type });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('charts', () => {
  it('lists the marked charts and saves one as SVG with its look inlined', async () => {
    const chart = document.createElement('div');
    chart.innerHTML = '<svg data-export="loss" viewBox="0 0 200 100"><path d="M0 0L5 5"/></svg><svg data-export="mystery"></svg>';
    document.body.appendChild(chart);
    render(<ExportPanel />);
    const list = screen.getByRole('list');
    // Known charts only: an unknown id is not offered.
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Download Loss curves as SVG' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toMatch(/^regularization-lab-loss-\d{8}-\d{4}\.svg$/);
    const text = await saved[0].blob.text();
    expect(text).toContain('<title>Loss curves</title>');
    expect(text).toContain('d="M0 0L5 5"');
    expect(screen.getAllByRole('status')[0].textContent).toContain('Saved regularization-lab-loss-');
  });

  it('says so when no chart is on the page', () => {
    render(<ExportPanel />);
    expect(screen.getByText('No chart is on the page yet.')).toBeTruthy();
  });
});

describe('metrics history', () => {
  it('downloads the current run’s history as CSV and JSON', async () => {
    const f = makeFixture(fixtureConfig('circles'), { steps: 0 });
    const frame = trainFor(f.session, 10, 5);
    act(() => {
      setFrame(frame);
      useLab.setState({ metrics: frame.metrics });
    });
    render(<ExportPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Download metrics history as CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download metrics history as JSON' }));
    expect(saved.map((s) => s.name.split('.').pop())).toEqual(['csv', 'json']);
    const csv = await saved[0].blob.text();
    expect(csv.split('\r\n')[0]).toMatch(/^step_first,step,batch_loss,/);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(frame.history.step.length + 1);
    const json = JSON.parse(await saved[1].blob.text());
    expect(json.runId).toBe(frame.runId);
  });

  it('refuses politely before any evaluation', () => {
    render(<ExportPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Download metrics history as CSV' }));
    expect(saved).toHaveLength(0);
    expect(screen.getAllByRole('status').some((s) => /No history yet/.test(s.textContent ?? ''))).toBe(true);
  });
});

describe('settings', () => {
  it('exports the lab’s settings; importing a tampered file applies the rest and lists what changed', async () => {
    act(() => useLab.setState({ config: { ...initialLab.config, seed: 77 }, mode: 'inference' }));
    render(<ExportPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Export settings as JSON' }));
    const file = JSON.parse(await saved[0].blob.text());
    expect(file.config.seed).toBe(77);
    expect(file.mode).toBe('inference');

    file.config.seed = 5;
    file.config.net.dropoutP = 2;
    upload(/Import settings/, 'mine.json', JSON.stringify(file), 'application/json');
    await waitFor(() => expect(sent.some((c) => c.type === 'configure')).toBe(true));
    const cmd = sent.find((c) => c.type === 'configure');
    expect(cmd?.type === 'configure' && cmd.config.seed).toBe(5);
    expect(useLab.getState().config.net.dropoutP).toBe(0.95);
    expect(screen.getByText('Settings imported from mine.json. Adjusted on import (1):')).toBeTruthy();
    expect(screen.getByText('Dropout p: 2 is out of range; using 0.95.')).toBeTruthy();
  });

  it('a file that is not a settings file changes nothing and says why', async () => {
    render(<ExportPanel />);
    upload(/Import settings/, 'other.json', '{"hello": 1}', 'application/json');
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toBe('other.json is not a settings file of this lab. Nothing was changed.');
    expect(sent).toEqual([]);
    expect(settingsToJson(useLab.getState())).toBe(settingsToJson(initialLab));
  });
});

describe('your own data', () => {
  const good = Array.from({ length: 20 }, (_, i) => `${i},${(i * 3) % 7},${i % 2}`).join('\n');

  it('a bad file: row and column in an alert, the lab untouched', async () => {
    const lines = good.split('\n');
    lines[2] = '5,abc,1';
    lines[6] = '1,2';
    render(<ExportPanel />);
    upload(/CSV file with your data/, 'bad.csv', lines.join('\n'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.csv was not loaded; the lab keeps its previous data.');
    const items = within(alert).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Row 3, column 2 (x2): ‘abc’ is not a number.', 'Row 7: 2 values, but the first row has 3.']);
    expect(sent).toEqual([]);
    expect(useLab.getState().config.data.name).toBe(initialLab.config.data.name);
    expect(useCustomData.getState().loaded).toBeNull();
  });

  it('a good file: sent to the worker, switched to, and summarized', async () => {
    act(() => useLab.setState({ config: { ...initialLab.config, train: { ...initialLab.config.train, batchSize: 64 } } }));
    render(<ExportPanel />);
    upload(/CSV file with your data/, 'mine.csv', good);
    await waitFor(() => expect(useCustomData.getState().loaded).not.toBeNull());
    // Batch 64 cannot be drawn from 16 training rows: lowered first, then the rows, then the switch.
    expect(sent.map((c) => c.type)).toEqual(['set', 'data', 'set']);
    expect(sent[0]).toMatchObject({ patch: { train: { batchSize: 16 } } });
    expect(sent[2]).toMatchObject({ patch: { data: { name: 'custom' } } });
    const d = sent[1].type === 'data' ? sent[1].dataset : null;
    expect(d).toMatchObject({ name: 'mine.csv', inputDim: 2, classes: 2, kind: 'classification' });
    expect(useLab.getState().config.data.name).toBe('custom');
    const status = await screen.findByText(/^Loaded mine\.csv/);
    expect(status.textContent).toBe('Loaded mine.csv: 20 rows, 2 features, 2 classes (0, 1). Training on 16 rows, testing on 4.');
    expect(screen.getByText('The batch size was lowered to 16 to fit the training rows.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Korean: the same refusal in Korean', async () => {
    act(() => useLab.setState({ lang: 'ko' }));
    render(<ExportPanel />);
    upload(/내 데이터가 담긴 CSV 파일/, 'bad.csv', 'a,b\n1,x\n');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('데이터 행이 1개입니다');
  });
});
