/**
 * Thành phần hồ sơ: the documents a procedure asks for (from its catalog entry) and the ones a
 * counter actually received with a dossier, as the receipt lists them (name, bản chính / bản
 * sao, quantity). A catalog cell or the admin's text box holds one document per line (or per
 * `;`), each optionally ending in a bracket that gives its form and quantity:
 * `Tờ khai đăng ký khai sinh (bản chính)`, `Giấy tờ chứng minh chỗ ở (bản sao, 2 bản)`.
 * A bracket that names neither stays part of the name: `Tờ khai (mẫu CT01)`.
 */

export const DOCUMENT_FORMS = ['original', 'copy'] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

export const DOCUMENT_FORM_LABELS: Record<'vi' | 'en', Record<DocumentForm, string>> = {
  vi: { original: 'Bản chính', copy: 'Bản sao' },
  en: { original: 'Original', copy: 'Copy' },
};

export interface ReceivedDocument {
  name: string;
  form: DocumentForm;
  /** Number of copies, 1–99. */
  quantity: number;
}

export const MAX_DOCUMENTS = 30;
export const MAX_DOCUMENT_NAME = 300;
export const MAX_DOCUMENT_QUANTITY = 99;

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/** The form and quantity a trailing bracket gives, or null when it gives neither (it is part of the name). */
function bracketFacts(inner: string): { form: DocumentForm | null; quantity: number | null } | null {
  const f = fold(inner);
  const form: DocumentForm | null = /\bban\s+sao\b/.test(f) ? 'copy' : /\bban\s+chinh\b/.test(f) ? 'original' : null;
  const q = /(?:^|[\s,;])0*(\d{1,2})(?:\s*(?:ban|bo|to|cai))?\b/.exec(f);
  const quantity = q?.[1] !== undefined ? Number(q[1]) : null;
  if (form === null && quantity === null) return null;
  // anything else in the bracket (a form number, a note) keeps the bracket in the name
  const rest = f.replace(/\bban\s+(?:sao|chinh)\b/g, '').replace(/\d+/g, '').replace(/\b(?:ban|bo|to|cai|hoac|va)\b/g, '').replace(/[\s,;.:/-]+/g, '');
  return rest === '' ? { form, quantity } : null;
}

/** One line of a document list; null for a blank line. */
export function parseDocumentLine(line: string): ReceivedDocument | null {
  let name = line.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^(?:\d{1,2}[.)]|[-+•*–])\s*/, '').trim();
  if (name === '') return null;
  let form: DocumentForm = 'original';
  let quantity = 1;
  const m = /\(([^()]*)\)\s*[.;,]?$/.exec(name);
  const facts = m?.[1] !== undefined ? bracketFacts(m[1]) : null;
  if (m && facts) {
    name = name.slice(0, m.index).trim();
    form = facts.form ?? form;
    quantity = facts.quantity ?? quantity;
  }
  name = name.replace(/[.;,:]+$/, '').trim();
  return name === '' ? null : { name, form, quantity };
}

/** A whole list: one document per line or per `;`, blank ones skipped. */
export function parseDocumentList(text: string): ReceivedDocument[] {
  return text
    .split(/\r\n|\r|\n|;(?![^()]*\))/)
    .map(parseDocumentLine)
    .filter((d): d is ReceivedDocument => d !== null);
}

/** The text form `parseDocumentList` reads back: `Name (bản sao, 2 bản)`, one per line. */
export function formatDocumentList(docs: readonly ReceivedDocument[]): string {
  return docs.map((d) => `${d.name} (${DOCUMENT_FORM_LABELS.vi[d.form].toLowerCase()}, ${d.quantity} bản)`).join('\n');
}

/** Why a list cannot be stored, in Vietnamese; null when it can. */
export function documentListProblem(docs: readonly ReceivedDocument[]): string | null {
  if (docs.length > MAX_DOCUMENTS) return `Tối đa ${MAX_DOCUMENTS} giấy tờ`;
  for (const d of docs) {
    if (d.name.trim() === '' || d.name.length > MAX_DOCUMENT_NAME) return `Tên giấy tờ từ 1 đến ${MAX_DOCUMENT_NAME} ký tự`;
    if (!Number.isInteger(d.quantity) || d.quantity < 1 || d.quantity > MAX_DOCUMENT_QUANTITY) return `Số lượng từ 1 đến ${MAX_DOCUMENT_QUANTITY}`;
  }
  return null;
}
