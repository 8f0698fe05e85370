// The Files tab in the built app: metrics history and settings download, settings import back, and
// your own CSV data — a bad file is refused with row and column while the lab keeps training.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('export history and settings, import settings back, refuse a bad CSV and train on a good one', async ({ page }, info) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./?lang=en&p=0.5&drop=0,1&seed=7');
  await expect(page.getByTestId('status-line')).toContainText('Step 0', { timeout: 15_000 });
  for (let i = 0; i < 30; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('status-line')).toContainText('Step 30');
  await page.getByRole('tab', { name: 'Files' }).click();

  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download metrics history as CSV' }).click()]);
  const csv = readFileSync(await csvDl.path(), 'utf8').trim().split('\n');
  expect(csv[0]).toMatch(/^step_first,step,/);
  expect(csv.length).toBeGreaterThan(2);

  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings as JSON' }).click()]);
  const settingsPath = info.outputPath('settings.json');
  await jsonDl.saveAs(settingsPath);
  const saved = JSON.parse(readFileSync(settingsPath, 'utf8'));
  expect(JSON.stringify(saved)).toContain('"seed":7');

  // Change a setting, then import the file: the saved seed and p come back.
  await page.goto('./?lang=en&seed=3');
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.getByLabel('Import settings (JSON file)').setInputFiles(settingsPath);
  await expect(page.getByText(/Settings imported from settings\.json/)).toBeVisible();
  await expect(page.getByTestId('status-line')).toContainText('seed 7');

  // A CSV with a bad cell: refused with its row and column; training goes on.
  const bad = ['x1,x2,label', ...Array.from({ length: 40 }, (_, i) => `${i % 7},${(i * 3) % 5},${i % 2}`)];
  bad[17] = '1,abc,0'; // line 18 of the file (the header is line 1)
  await page.getByLabel('CSV file with your data').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.join('\n')) });
  await expect(page.getByRole('alert').filter({ hasText: /Row 18, column 2 \(x2\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const stepNow = async () => Number(((await page.getByTestId('status-line').textContent()) ?? '').match(/Step ([\d,]+)/)?.[1].replace(/,/g, '') ?? -1);
  await expect.poll(stepNow).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();

  const good = ['x1,x2,label', ...Array.from({ length: 60 }, (_, i) => `${Math.cos(i)},${Math.sin(i)},${i % 3 === 0 ? 1 : 0}`)];
  await page.getByLabel('CSV file with your data').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good.join('\n')) });
  await expect(page.getByText(/Loaded good\.csv: 60 rows, 2 features, 2 classes/)).toBeVisible();
  expect(errors).toEqual([]);
});
