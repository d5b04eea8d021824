import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/preload.cjs). */
  preloadPath: string;
  production: boolean;
  /** Shown before the first paint; matches the kiosk page background. */
  backgroundColor?: string;
}

/**
 * The one kiosk window: full screen, no chrome, and a renderer that is isolated and
 * sandboxed — the page reaches the machine only through the preload's bridge.
 * Development differs only in having devtools (and no blocked shortcuts, see shortcuts.ts).
 */
export function kioskWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { preloadPath, production } = input;
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: input.backgroundColor ?? '#f4f6fa',
    title: 'QMS Kiosk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: !production,
      spellcheck: false,
    },
  };
}
