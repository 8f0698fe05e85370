// The CSV parser: every kind of bad file is refused with the row, the column and the reason; good
// files become standardized CustomData with the right task; the project's real digits file loads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvError, type CsvResult } from '../../src/data/parse-csv.ts';
import { describeCsvError } from '../../src/data/describe.ts';
import { CUSTOM_LIMITS } from '../../src/protocol/custom-data.ts';

function rows(n: number, f: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => f(i)).join('\n');
}

/** A valid file of n rows: two features and a 0/1 label. */
const good = (n = 12) => rows(n, (i) => `${i},${(i * 7) % 5},${i % 2}`);

function errorsOf(r: CsvResult): CsvError[] {
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors;
}

const en = (e: CsvError) => describeCsvError('en', e);

describe('refused files name where and why', () => {
  it('a word among numbers: row, column number and header name, and the text', () => {
    const lines = ['x1,x2,x3,label', ...Array.from({ length: 20 }, (_, i) => `1,${i},2,${i % 2}`)];
    lines[16] = '1,abc,2,0'; // file line 17, column 2 named x2
    const [e, ...rest] = errorsOf(parseCsv(lines.join('\n')));
    expect(rest).toHaveLength(0);
    expect(e).toMatchObject({ code: 'notNumber', row: 17, column: 2, columnName: 'x2', value: 'abc' });
    expect(en(e)).toBe('Row 17, column 2 (x2): ‘abc’ is not a number.');
    expect(describeCsvError('ko', e)).toContain('17행 2열(x2)');
  });

  it('without a header the columns are named x1, x2, … by position', () => {
    const text = good().split('\n');
    text[4] = '3,zz,1';
    const [e] = errorsOf(parseCsv(text.join('\n')));
    expect(en(e)).toMatch(/^Row 5, column 2 \(x2\): ‘zz’ is not a number/);
  });

  it('NaN, Infinity and overflowing decimals are not finite', () => {
    const text = good().split('\n');
    text[1] = 'NaN,1,0';
    text[2] = '1,-Infinity,1';
    text[3] = '1e999,2,0';
    const es = errorsOf(parseCsv(text.join('\n')));
    expect(es.map((e) => [e.code, e.row, e.column])).toEqual([['notFinite', 2, 1], ['notFinite', 3, 2], ['notFinite', 4, 1]]);
    expect(en(es[0])).toMatch(/Row 2, column 1 \(x1\): ‘NaN’ is not a finite number/);
  });

  it('a NaN label is refused too', () => {
    const text = good().split('\n');
    text[6] = '1,2,nan';
    const [e] = errorsOf(parseCsv(text.join('\n')));
    expect(e).toMatchObject({ code: 'notFinite', row: 7, column: 3, columnName: 'label' });
  });

  it('ragged rows: how many values against the first row', () => {
    const text = good().split('\n');
    text[8] = '1,2';
    text[9] = '1,2,3,4';
    const es = errorsOf(parseCsv(text.join('\n')));
    expect(es.map((e) => [e.code, e.row, e.got, e.expected])).toEqual([['ragged', 9, 2, 3], ['ragged', 10, 4, 3]]);
    expect(en(es[0])).toBe('Row 9: 2 values, but the first row has 3.');
  });

  it('an empty cell', () => {
    const text = good().split('\n');
    text[2] = '1,,0';
    const [e] = errorsOf(parseCsv(text.join('\n')));
    expect(en(e)).toBe('Row 3, column 2 (x2): the cell is empty.');
  });

  it('an empty file, or one of blank lines', () => {
    expect(errorsOf(parseCsv(''))[0].code).toBe('empty');
    expect(en(errorsOf(parseCsv('\n  \r\n\n'))[0])).toBe('The file is empty.');
  });

  it('a single column has no label to learn', () => {
    const [e] = errorsOf(parseCsv(rows(12, (i) => String(i))));
    expect(e).toMatchObject({ code: 'tooFewColumns', row: 1, got: 1 });
  });

  it('every row with the same class', () => {
    const [e] = errorsOf(parseCsv(rows(12, (i) => `${i},${i * 2},1`)));
    expect(e).toMatchObject({ code: 'singleClass', column: 3, value: '1' });
    expect(en(e)).toMatch(/^Column 3 \(label\): every row has the label ‘1’/);
  });

  it('too many text classes, pointing at the first label that is not a number', () => {
    const text = ['a,b,kind', ...Array.from({ length: 30 }, (_, i) => `${i},${i % 3},${i < 5 ? i : `k${i}`}`)].join('\n');
    const [e] = errorsOf(parseCsv(text));
    expect(e).toMatchObject({ code: 'tooManyClasses', row: 7, column: 3, columnName: 'kind', value: 'k5', got: 30, limit: CUSTOM_LIMITS.maxClasses });
    expect(en(e)).toMatch(/Row 7, column 3 \(kind\): ‘k5’ is not a number, so the labels are read as class names — 30 of them; at most 10/);
  });

  it('too few and too many rows, too many features', () => {
    expect(errorsOf(parseCsv(good(CUSTOM_LIMITS.minRows - 1)))[0]).toMatchObject({ code: 'tooFewRows', got: CUSTOM_LIMITS.minRows - 1 });
    expect(errorsOf(parseCsv(good(CUSTOM_LIMITS.maxRows + 1)))[0]).toMatchObject({ code: 'tooManyRows', got: CUSTOM_LIMITS.maxRows + 1 });
    const wide = rows(12, (i) => [...Array.from({ length: CUSTOM_LIMITS.maxFeatures + 1 }, (_, j) => i + j), i % 2].join(','));
    expect(errorsOf(parseCsv(wide))[0]).toMatchObject({ code: 'tooManyFeatures', got: CUSTOM_LIMITS.maxFeatures + 1 });
    expect(en(errorsOf(parseCsv(good(3)))[0])).toBe('3 data rows; at least 10 are needed.');
  });

  it('a quote that never closes names the line it opens on', () => {
    const text = good().split('\n');
    text[3] = '"1,2,0';
    const [e] = errorsOf(parseCsv(text.join('\n')));
    expect(e).toMatchObject({ code: 'unterminatedQuote', row: 4 });
  });

  it('lists at most 20 problems and counts the rest', () => {
    const r = parseCsv(rows(40, (i) => `x${i},1,0`));
    if (r.ok) throw new Error('expected refusal');
    // Row 1 reads as a header (a word among the features); rows 2–40 each hold a word.
    expect(r.errors).toHaveLength(20);
    expect(r.more).toBe(19);
  });
});

describe('accepted files', () => {
  it('header, quoted fields, CRLF, BOM, blank lines; label found by name in the middle', () => {
    const body = Array.from({ length: 12 }, (_, i) => `${i},"${i % 2 ? 'cat' : 'dog'}",${i * 2}`).join('\r\n');
    const r = parseCsv(`\ufeffheight,class,"weight, kg"\r\n${body}\r\n\r\n`, 'pets.csv');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.info).toMatchObject({ rows: 12, features: 2, kind: 'classification', classes: 2, header: true, labelColumn: 2, labelName: 'class' });
    expect(r.data.featureNames).toEqual(['height', 'weight, kg']);
    expect(r.data.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(r.data.y.slice(0, 3))).toEqual([1, 0, 1]);
    expect(r.data.name).toBe('pets.csv');
  });

  it('features are standardized: mean 0, standard deviation 1; a constant feature becomes 0 and is named', () => {
    const r = parseCsv(rows(50, (i) => `${i * 3 + 7},${(i * i) % 11},5,${i % 3}`));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const D = r.data.inputDim, n = r.info.rows;
    for (let k = 0; k < 2; k++) {
      let m = 0, v = 0;
      for (let i = 0; i < n; i++) m += r.data.x[i * D + k];
      m /= n;
      for (let i = 0; i < n; i++) v += (r.data.x[i * D + k] - m) ** 2;
      expect(Math.abs(m)).toBeLessThan(1e-5);
      expect(Math.sqrt(v / n)).toBeCloseTo(1, 5);
    }
    for (let i = 0; i < n; i++) expect(r.data.x[i * D + 2]).toBe(0);
    expect(r.info.constant).toEqual(['x3']);
    expect(r.info.classCounts).toEqual([17, 17, 16]);
  });

  it('whole-number labels with few values classify (mapped in order); others regress', () => {
    const cls = parseCsv(rows(12, (i) => `${i},${[3, 7, 9][i % 3]}`));
    if (!cls.ok) throw new Error('refused');
    expect(cls.data.kind).toBe('classification');
    expect(cls.data.classNames).toEqual(['3', '7', '9']);
    expect(Array.from(cls.data.y.slice(0, 4))).toEqual([0, 1, 2, 0]);
    const reg = parseCsv(rows(12, (i) => `${i},${i * 0.5 - 1}`));
    if (!reg.ok) throw new Error('refused');
    expect(reg.data).toMatchObject({ kind: 'regression', classes: 1, classNames: [] });
    expect(reg.data.y[3]).toBeCloseTo(0.5, 6);
    const many = parseCsv(rows(12, (i) => `${i},${i}`)); // 12 distinct whole numbers: a regression
    expect(many.ok && many.data.kind).toBe('regression');
  });

  it('semicolon files from spreadsheets in other locales', () => {
    const r = parseCsv(rows(12, (i) => `${i};${i % 4};${i % 2}`));
    expect(r.ok && r.data.inputDim).toBe(2);
  });

  it("the project's real data/digits.csv: 1,797 rows, 64 features, 10 classes", () => {
    const text = readFileSync(new URL('../../data/digits.csv', import.meta.url), 'utf8');
    const r = parseCsv(text, 'digits.csv');
    if (!r.ok) throw new Error(r.errors.map(en).join('\n'));
    expect(r.info).toMatchObject({ rows: 1797, features: 64, classes: 10, kind: 'classification', header: false, labelColumn: 65 });
    expect(r.data.x).toHaveLength(1797 * 64);
    expect(r.data.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // The file's own last column, counted independently of the parser.
    const counts = new Array(10).fill(0);
    for (const line of text.trim().split('\n')) counts[Number(line.trim().split(',').at(-1))]++;
    expect(r.info.classCounts).toEqual(counts);
    // Pixels that are 0 in every image are constant features.
    expect(r.info.constant.length).toBeGreaterThan(0);
    expect(r.data.x.every(Number.isFinite)).toBe(true);
  });
});
