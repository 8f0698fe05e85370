// Types for scripts/check-size.mjs, so the hosting e2e test can run the same budget check.
export declare const BUDGET_BYTES: number;
export interface SizedFile {
  file: string;
  raw: number;
  gzip: number;
}
/** byLang: the same figure for a page in each language (its own first-screen strings). */
export declare function initialJs(distDir?: string): { files: SizedFile[]; raw: number; gzip: number; byLang: Record<string, number> };
