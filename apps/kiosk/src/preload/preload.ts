/**
 * Runs in the sandboxed renderer before the hub's kiosk page. It exposes ONE object,
 * `window.qmsKiosk`, with three functions that forward to the main process; the page gets
 * no ipcRenderer, no Node, no way to name another channel. Bundled to a single CJS file
 * (sandboxed preloads can `require('electron')` and nothing else).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, KIOSK_CHANNELS, type KioskBridge, type TicketPrintData } from '../shared/bridge';

const bridge = {
  identity: () => ipcRenderer.invoke(KIOSK_CHANNELS.identity),
  print: (ticket: TicketPrintData) => ipcRenderer.invoke(KIOSK_CHANNELS.print, ticket),
  printerStatus: () => ipcRenderer.invoke(KIOSK_CHANNELS.printerStatus),
} satisfies KioskBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
