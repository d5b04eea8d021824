import type { Metafile } from 'esbuild';

export declare const KIOSK_DIR: string;
export declare const MAIN_EXTERNALS: string[];

export interface KioskBuild {
  outDir: string;
  mainFile: string;
  preloadFile: string;
  mainMeta: Metafile;
  preloadMeta: Metafile;
}

export declare function buildKiosk(options?: {
  outDir?: string;
  minify?: boolean;
  logLevel?: 'verbose' | 'debug' | 'info' | 'warning' | 'error' | 'silent';
}): Promise<KioskBuild>;
