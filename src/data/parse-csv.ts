// A learner's CSV file → CustomData, strictly: numeric feature columns and one label column (the last,
// or the one a header names label / class / y / target). Every problem is reported with the file line,
// the column (number and name) and the reason, so the learner can fix the file; nothing is guessed.
// Labels decide the task: non-negative whole numbers with at most 10 distinct values, or text with at
// most 10 distinct values, make a classification; any other numbers, a regression. Features are
// standardized (mean 0, standard deviation 1 over all rows).
import { CUSTOM_LIMITS, type CustomData } from '../protocol/custom-data.ts';
import { stripBidi } from '../i18n/bidi.ts';
import { csvRecords, type CsvRecord } from './csv-records.ts';

export type CsvErrorCode =
  | 'empty' | 'unterminatedQuote' | 'tooFewColumns' | 'tooManyFeatures' | 'tooFewRows' | 'tooManyRows'
  | 'ragged' | 'emptyCell' | 'notNumber' | 'notFinite' | 'singleClass' | 'tooManyClasses';

export interface CsvError {
  code: CsvErrorCode;
  /** File line (1-based) the problem is on, when it is on one. */
  row?: number;
  /** 1-based column position and its name, when the problem is in one cell or column. */
  column?: number;
  columnName?: string;
  /** The cell's text (shortened), when a cell is at fault. */
  value?: string;
  /** Counts behind the message: fields expected / found, a limit, a count found. */
  expected?: number;
  got?: number;
  limit?: number;
}

export interface CsvInfo {
  rows: number;
  features: number;
  kind: CustomData['kind'];
  classes: number;
  header: boolean;
  /** 1-based position of the label column and its name. */
  labelColumn: number;
  labelName: string;
  /** Features with one value in every row (they carry nothing; standardized to 0). */
  constant: string[];
  /** Rows per class (classification). */
  classCounts: number[];
}

export type CsvResult =
  | { ok: true; data: CustomData; info: CsvInfo }
  | { ok: false; errors: CsvError[]; /** Problems found beyond those listed. */ more: number };

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_ERRORS = 20;
const LABEL_NAMES = ['label', 'class', 'y', 'target'];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

function shorten(s: string, max = 24): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A finite number, 'nonfinite' (NaN, ±Infinity, or a decimal too large for a double), or null. */
function readNumber(text: string): number | 'nonfinite' | null {
  const t = text.trim();
  if (NON_FINITE.test(t)) return 'nonfinite';
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : 'nonfinite';
}

function isHeader(first: string[]): boolean {
  const names = first.map((f) => f.trim());
  if (LABEL_NAMES.includes(names[names.length - 1].toLowerCase())) return true;
  return names.slice(0, -1).some((f) => readNumber(f) === null);
}

function labelIndex(header: string[] | null, width: number): number {
  if (!header) return width - 1;
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const name of LABEL_NAMES) {
    const i = lower.indexOf(name);
    if (i >= 0) return i;
  }
  return width - 1;
}

export function parseCsv(raw: string, fileName = 'data.csv'): CsvResult {
  // Bidirectional controls in a file would reorder the column and class names shown from it.
  const text = stripBidi(raw);
  fileName = stripBidi(fileName);
  const fail = (e: CsvError): CsvResult => ({ ok: false, errors: [e], more: 0 });
  if (text.trim() === '') return fail({ code: 'empty' });
  const rec = csvRecords(text);
  if (!rec.ok) return fail({ code: 'unterminatedQuote', row: rec.line });
  if (rec.records.length === 0) return fail({ code: 'empty' });

  const first = rec.records[0];
  const header = isHeader(first.fields) ? first.fields.map((f) => f.trim()) : null;
  const rows: CsvRecord[] = header ? rec.records.slice(1) : rec.records;
  const width = first.fields.length;
  if (width < 2) return fail({ code: 'tooFewColumns', row: first.line, got: width });
  const L = CUSTOM_LIMITS;
  if (width - 1 > L.maxFeatures) return fail({ code: 'tooManyFeatures', got: width - 1, limit: L.maxFeatures });
  if (rows.length < L.minRows) return fail({ code: 'tooFewRows', got: rows.length, limit: L.minRows });
  if (rows.length > L.maxRows) return fail({ code: 'tooManyRows', got: rows.length, limit: L.maxRows });

  const li = labelIndex(header, width);
  const featureCols = Array.from({ length: width }, (_, j) => j).filter((j) => j !== li);
  const D = featureCols.length, n = rows.length;
  const nameOf = (j: number): string => {
    const h = header?.[j]?.trim();
    if (h) return h;
    return j === li ? 'label' : `x${featureCols.indexOf(j) + 1}`;
  };

  const errors: CsvError[] = [];
  let count = 0;
  const report = (e: CsvError) => {
    count++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
  };
  const cell = (code: CsvErrorCode, r: CsvRecord, j: number, value?: string) =>
    report({ code, row: r.line, column: j + 1, columnName: nameOf(j), ...(value !== undefined ? { value: shorten(value.trim()) } : {}) });

  const x = new Float32Array(n * D);
  const labels: string[] = new Array(n);
  rows.forEach((r, i) => {
    if (r.fields.length !== width) {
      report({ code: 'ragged', row: r.line, expected: width, got: r.fields.length });
      return;
    }
    featureCols.forEach((j, k) => {
      const t = r.fields[j];
      if (t.trim() === '') return cell('emptyCell', r, j);
      const v = readNumber(t);
      if (v === null) return cell('notNumber', r, j, t);
      if (v === 'nonfinite') return cell('notFinite', r, j, t);
      x[i * D + k] = v;
    });
    const lt = r.fields[li].trim();
    if (lt === '') cell('emptyCell', r, li);
    else if (readNumber(lt) === 'nonfinite') cell('notFinite', r, li, lt);
    labels[i] = lt;
  });
  if (count > 0) return { ok: false, errors, more: count - errors.length };

  const target = readTargets(labels, rows, li, nameOf(li));
  if (!target.ok) return fail(target.error);

  const constant: string[] = [];
  for (let k = 0; k < D; k++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * D + k];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * D + k] - mean) ** 2;
    let sd = Math.sqrt(v / n);
    if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
      constant.push(nameOf(featureCols[k]));
      sd = Infinity; // every value becomes 0
    }
    for (let i = 0; i < n; i++) x[i * D + k] = (x[i * D + k] - mean) / sd;
  }

  const data: CustomData = {
    name: fileName,
    kind: target.kind,
    inputDim: D,
    classes: target.kind === 'classification' ? target.classNames.length : 1,
    x,
    y: target.y,
    featureNames: featureCols.map(nameOf),
    classNames: target.classNames,
  };
  const classCounts = new Array<number>(target.classNames.length).fill(0);
  if (target.kind === 'classification') for (const c of target.y) classCounts[c]++;
  const info: CsvInfo = {
    rows: n, features: D, kind: target.kind, classes: data.classes, header: header !== null,
    labelColumn: li + 1, labelName: nameOf(li), constant, classCounts,
  };
  return { ok: true, data, info };
}

type Targets =
  | { ok: true; kind: CustomData['kind']; y: Float32Array; classNames: string[] }
  | { ok: false; error: CsvError };

function readTargets(labels: string[], rows: CsvRecord[], li: number, labelName: string): Targets {
  const L = CUSTOM_LIMITS;
  const nums = labels.map((t) => readNumber(t));
  const firstText = nums.findIndex((v) => v === null);
  const distinct = new Set(labels);
  if (firstText < 0) {
    const values = nums as number[];
    const byValue = [...new Set(values)].sort((a, b) => a - b);
    if (byValue.length === 1) return { ok: false, error: { code: 'singleClass', column: li + 1, columnName: labelName, value: shorten(labels[0]) } };
    if (byValue.length <= L.maxClasses && values.every((v) => Number.isInteger(v) && v >= 0)) {
      const index = new Map(byValue.map((v, i) => [v, i]));
      return { ok: true, kind: 'classification', y: Float32Array.from(values, (v) => index.get(v)!), classNames: byValue.map(String) };
    }
    return { ok: true, kind: 'regression', y: Float32Array.from(values), classNames: [] };
  }
  // Some label is text, so labels are class names.
  if (distinct.size === 1) return { ok: false, error: { code: 'singleClass', column: li + 1, columnName: labelName, value: shorten(labels[0]) } };
  if (distinct.size > L.maxClasses) {
    return {
      ok: false,
      error: { code: 'tooManyClasses', row: rows[firstText].line, column: li + 1, columnName: labelName, value: shorten(labels[firstText]), got: distinct.size, limit: L.maxClasses },
    };
  }
  const classNames = [...distinct].sort();
  const index = new Map(classNames.map((c, i) => [c, i]));
  return { ok: true, kind: 'classification', y: Float32Array.from(labels, (t) => index.get(t)!), classNames };
}
