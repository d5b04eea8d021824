import type { AdminConfig, ErrorBody } from '@qms/protocol';
import { translator, type Catalog, type ConnectionView, type HubConnection, type Locale, type Translate } from '@qms/ui';
import { createContext, useContext, useMemo } from 'react';
import { COMMON_MESSAGES, type CommonKey } from '../i18n/common';
import type { Session } from './session';

export interface AdminContextValue {
  conn: HubConnection;
  view: ConnectionView;
  session: Session;
  locale: Locale;
  /** The whole configuration (config:get), reloaded on every `config:changed`; null until loaded. */
  config: AdminConfig | null;
  configError: ErrorBody | null;
  reloadConfig: () => void;
  /** A short confirmation in the corner ("Đã lưu"). */
  flash: (text: string) => void;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const v = useContext(AdminContext);
  if (!v) throw new Error('useAdmin outside AdminContext');
  return v;
}

/** A translator over one of the admin's catalogs, in the page's language. */
export function useT<K extends string>(catalog: Catalog<K>): Translate<K> {
  const { locale } = useAdmin();
  return useMemo(() => translator(catalog, locale), [catalog, locale]);
}

export function useCommon(): Translate<CommonKey> {
  return useT(COMMON_MESSAGES);
}

/** The message to show for a failed command: the hub's own, or a clear one for a missing handler. */
export function errorText(t: Translate<CommonKey>, e: ErrorBody, command?: string): string {
  if (e.code === 'UNKNOWN_COMMAND') return t('unknownCommand', { name: command ?? e.message });
  return e.message;
}
