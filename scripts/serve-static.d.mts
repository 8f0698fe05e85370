// Types for scripts/serve-static.mjs (used by the hosting e2e test and the time-to-interactive bench).
export interface StaticServer {
  origin: string;
  url: string;
  requested: string[];
  close(): Promise<void>;
}
export declare function serveStatic(dir?: string, base?: string, port?: number): Promise<StaticServer>;
