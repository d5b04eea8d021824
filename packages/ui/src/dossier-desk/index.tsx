export { DossierDesk, searchPayload } from './DossierDesk';
export { DossierDetail } from './DossierDetail';
export { Receipt } from './Receipt';
export { RECEIPT_MESSAGES, type ReceiptKey } from './receipt-messages';
export { DESK_MESSAGES, formatDay, type DeskKey } from './messages';
