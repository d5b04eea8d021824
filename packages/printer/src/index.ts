export * from './types';
export { printerConfigSchema, parsePrinterConfig, printerFromUrl, PrinterConfigError, DEFAULT_TCP_PORT } from './config';
export { PrinterFault } from './faults';
export { renderTicketImage } from './ticket-render';
export { renderTicketPreview } from './ticket-preview';
export { buildTicketJob } from './ticket-job';
export { checkPrinter, printTicket } from './print-ticket';
export { splitBands, MAX_BAND_ROWS, type MonoBitmap } from './bitmap';
export { SAMPLE_TICKET } from './sample-ticket';
