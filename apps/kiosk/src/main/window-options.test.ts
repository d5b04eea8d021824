import { describe, expect, it } from 'vitest';
import { kioskWindowOptions } from './window-options';

describe('kioskWindowOptions', () => {
  const prod = kioskWindowOptions({ preloadPath: '/app/dist/preload.cjs', production: true });

  it('is a full-screen kiosk window without a menu bar', () => {
    expect(prod).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true, backgroundColor: '#f4f6fa' });
  });

  it('isolates and sandboxes the renderer, with the preload as its only bridge', () => {
    expect(prod.webPreferences).toMatchObject({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('development only turns devtools on', () => {
    const dev = kioskWindowOptions({ preloadPath: '/p.cjs', production: false, backgroundColor: '#000' });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.webPreferences?.sandbox).toBe(true);
    expect(dev.webPreferences?.contextIsolation).toBe(true);
    expect(dev.backgroundColor).toBe('#000');
  });
});
