// Splitting CSV text into records: RFC 4180 quoting ("a,b", "" for a quote), any line ending, a BOM,
// blank lines skipped. Each record keeps the file line it starts on, so errors can point at it.

export interface CsvRecord {
  /** 1-based line in the file where the record starts. */
  line: number;
  fields: string[];
}

export type RecordsResult =
  | { ok: true; records: CsvRecord[]; delimiter: string }
  | { ok: false; line: number };

/** Comma unless the first line has none and uses semicolons or tabs (spreadsheets in some locales). */
function detectDelimiter(text: string): string {
  const nl = text.search(/\r|\n/);
  const first = nl >= 0 ? text.slice(0, nl) : text;
  if (first.includes(',')) return ',';
  if (first.includes(';')) return ';';
  if (first.includes('\t')) return '\t';
  return ',';
}

/** The records of a CSV text; fails (with the line) only on a quote that is never closed. */
export function csvRecords(input: string): RecordsResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text.replace(/^\s*[\r\n]+/, ''));
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1, start = 1;
  let quoted = false, wasQuoted = false, quoteLine = 0;
  const endRecord = () => {
    fields.push(field);
    // A line with nothing on it is not a record; a line of only delimiters is (its cells are empty).
    if (!(fields.length === 1 && !wasQuoted && fields[0].trim() === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) return { ok: false, line: quoteLine };
  endRecord();
  return { ok: true, records, delimiter };
}
