// @vitest-environment jsdom
// axe-core over the export panel in both languages, with a chart on the page, a refused data file
// (the alert list) and an imported settings file (the notices): names for every control, labelled
// file inputs, valid ARIA and list structure. Colour contrast needs a real renderer.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, expect, it } from 'vitest';
import { ExportPanel } from '../../src/panels/export/ExportPanel.tsx';
import { connectPort, useLab, type LabStore } from '../../src/store/lab.ts';
import type { Lang } from '../../src/i18n/index.ts';

const initialLab: LabStore = useLab.getState();

async function violations(container: HTMLElement): Promise<string[]> {
  const res = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

afterEach(() => {
  cleanup();
  connectPort(null);
  useLab.setState(initialLab, true);
  document.body.innerHTML = '';
});

for (const lang of ['en', 'ko'] as Lang[]) {
  it(`no violations in ${lang}, before and after a refused file and an import`, async () => {
    useLab.setState({ ...initialLab, lang }, true);
    connectPort({ send: () => {} });
    const chart = document.createElement('div');
    chart.innerHTML = '<svg data-export="loss" viewBox="0 0 10 10"></svg>';
    document.body.appendChild(chart);
    const { container } = render(<ExportPanel />);
    expect(await violations(container)).toEqual([]);
    const [settingsInput, dataInput] = container.querySelectorAll('input[type="file"]');
    fireEvent.change(dataInput, { target: { files: [new File(['1,2\n3,x\n'], 'bad.csv')] } });
    fireEvent.change(settingsInput, { target: { files: [new File(['{"format":"regularization-lab/settings","version":1,"config":{}}'], 's.json')] } });
    await screen.findByRole('alert');
    await screen.findByText(/s\.json/);
    expect(await violations(container)).toEqual([]);
  });
}
