// Types for scripts/build-digits.mjs, so the test can run the same conversion in-process.
export declare const DIGITS_COLUMNS: number;
export declare const CHAR_OFFSET: number;
export declare const CSV_PATH: string;
export declare const OUT_PATH: string;
export declare function encodeDigits(csvText: string): string;
export declare function renderDigitsModule(csvText: string): string;
