export { DossierDesk, searchPayload } from './DossierDesk';
export { DossierDetail } from './DossierDetail';
export { Receipt, type ReceiptKey } from './Receipt';
export { DESK_MESSAGES, formatDay, type DeskKey } from './messages';
