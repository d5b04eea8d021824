/**
 * The light part of the printer package (configuration, fault type) for processes that must not
 * load the canvas renderer until they print: `@qms/printer/config`.
 */
export * from './types';
export { printerConfigSchema, parsePrinterConfig, printerFromUrl, PrinterConfigError, DEFAULT_TCP_PORT } from './config';
export { PrinterFault } from './faults';
