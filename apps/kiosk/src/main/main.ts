/**
 * Composition root of the kiosk's Electron main process: the only file that imports
 * `electron` at runtime. Every decision lives in a small module beside it (tested under
 * plain Node); this file only wires them to the real app, window and IPC.
 * Bundled by scripts/build-main.mjs to dist/main.cjs (CJS, so `__dirname` is dist/).
 */
import { join } from 'node:path';
import { BrowserWindow, Menu, app, ipcMain, powerSaveBlocker } from 'electron';
import type { WebContents } from 'electron';
import { checkPrinter, printTicket } from '@qms/printer';
import { HubPageLoader } from './hub-loader';
import { attachNavigationGuards, windowOpenHandler } from './navigation';
import { keepDisplayAwake } from './power';
import { type PrinterDriver, createKioskHandlers, registerKioskIpc } from './print-ipc';
import { applySessionPolicy } from './session-policy';
import { shouldBlockInput } from './shortcuts';
import { type StartupDecision, decideStartup } from './startup';
import { RendererWatchdog } from './watchdog';
import { kioskWindowOptions } from './window-options';

const log = (message: string): void => console.log(`[kiosk ${new Date().toISOString()}] ${message}`);

/** The printer package, checked against what the IPC handlers expect. */
const printer: PrinterDriver = { printTicket, checkPrinter };

let mainWindow: BrowserWindow | null = null;

function configureChromium(): void {
  // Touchscreen kiosk: no pinch zoom, no swipe-back, no menu bar accelerators.
  app.commandLine.appendSwitch('disable-pinch');
  app.commandLine.appendSwitch('overscroll-history-navigation', '0');
  app.on('web-contents-created', (_event, contents) => contents.setWindowOpenHandler(windowOpenHandler));
}

function lockDownContents(contents: WebContents, production: boolean): void {
  applySessionPolicy(contents.session, log);
  contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input, production)) event.preventDefault();
  });
}

function showConfigError(win: BrowserWindow, decision: Extract<StartupDecision, { kind: 'config-error' }>): void {
  log(`config error: ${decision.error.title} — ${decision.error.details.join(' | ')}`);
  // No hub origin: only this exact page may be shown.
  attachNavigationGuards(win.webContents, { hubOrigin: 'null', ownPages: new Set([decision.url]), onBlocked: logBlocked });
  win.loadURL(decision.url).catch((err: unknown) => log(`cannot show config error page: ${String(err)}`));
}

function runKiosk(win: BrowserWindow, decision: Extract<StartupDecision, { kind: 'run' }>): void {
  const { config, kioskUrl, hubOrigin } = decision;
  const contents = win.webContents;
  const ownPages = new Set<string>();
  log(`config ${decision.configPath}; loading ${kioskUrl}`);
  attachNavigationGuards(contents, { hubOrigin, ownPages, onBlocked: logBlocked });
  registerKioskIpc(ipcMain, createKioskHandlers({ config, printer, log }));
  const watchdog = new RendererWatchdog(contents, undefined, { log });
  const loader = new HubPageLoader(contents, { kioskUrl, ownPages, log });
  keepDisplayAwake(powerSaveBlocker);
  win.on('closed', () => {
    watchdog.stop();
    loader.stop();
  });
  loader.start();
}

function logBlocked(url: string, why: string): void {
  log(`blocked ${why} to ${url.slice(0, 200)}`);
}

function createWindow(decision: StartupDecision): void {
  Menu.setApplicationMenu(null);
  const production = decision.kind === 'run' ? decision.config.production : true;
  const win = new BrowserWindow(kioskWindowOptions({ preloadPath: join(__dirname, 'preload.cjs'), production }));
  mainWindow = win;
  win.on('closed', () => {
    mainWindow = null;
  });
  lockDownContents(win.webContents, production);
  if (decision.kind === 'config-error') showConfigError(win, decision);
  else runKiosk(win, decision);
}

function main(): void {
  // Same place in development (`electron dist/main.cjs`) and when packaged: <appData>/qms-kiosk.
  app.setPath('userData', join(app.getPath('appData'), 'qms-kiosk'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  configureChromium();
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => {
      const decision = decideStartup({
        argv: process.argv,
        env: process.env,
        userDataDir: app.getPath('userData'),
        cwd: process.cwd(),
      });
      createWindow(decision);
    })
    .catch((err: unknown) => {
      log(`fatal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      app.exit(1);
    });
}

main();
