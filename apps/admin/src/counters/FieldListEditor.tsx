import type { Field } from '@qms/core';
import type { Locale, Translate } from '@qms/ui';
import { useState } from 'react';
import type { ConfigKey } from '../i18n/config';
import type { CommonKey } from '../i18n/common';

/** An ordered list of fields: the counter takes from the first one first. */
export function FieldListEditor({ ids, fields, onChange, t, tc, locale }: {
  ids: string[];
  fields: Field[];
  onChange: (ids: string[]) => void;
  t: Translate<ConfigKey>;
  tc: Translate<CommonKey>;
  locale: Locale;
}) {
  const [pick, setPick] = useState('');
  const name = (id: string): string => {
    const f = fields.find((x) => x.id === id);
    return f ? (locale === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  const swap = (i: number, j: number): void => {
    const next = [...ids];
    const a = next[i];
    const b = next[j];
    if (a === undefined || b === undefined) return;
    next[i] = b;
    next[j] = a;
    onChange(next);
  };
  const free = fields.filter((f) => !ids.includes(f.id));
  return (
    <div className="field-list" data-testid="counter-fields">
      {ids.length === 0 && <p className="muted">{t('noFieldsYet')}</p>}
      <ol>
        {ids.map((id, i) => (
          <li key={id} data-field={id}>
            <span className="order-num">{i + 1}</span>
            <span className="field-list-name">{name(id)}</span>
            <button type="button" className="icon-btn" aria-label={tc('moveUp')} data-up={id} disabled={i === 0} onClick={() => swap(i, i - 1)}>▲</button>
            <button type="button" className="icon-btn" aria-label={tc('moveDown')} data-down={id} disabled={i === ids.length - 1} onClick={() => swap(i, i + 1)}>▼</button>
            <button type="button" className="btn small danger-text" data-remove={id} onClick={() => onChange(ids.filter((x) => x !== id))}>{tc('remove')}</button>
          </li>
        ))}
      </ol>
      {free.length > 0 && (
        <div className="control-row">
          <select name="addFieldId" value={pick} onChange={(e) => setPick(e.target.value)} data-testid="add-field-select">
            <option value="">{t('chooseField')}</option>
            {free.map((f) => <option key={f.id} value={f.id}>{locale === 'vi' ? f.nameVi : f.nameEn}</option>)}
          </select>
          <button type="button" className="btn small" data-testid="add-field" disabled={!pick} onClick={() => { onChange([...ids, pick]); setPick(''); }}>+ {t('addField')}</button>
        </div>
      )}
    </div>
  );
}
