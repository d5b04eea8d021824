import { useEffect, useState } from 'react';

export const PAGE_IDS = ['dashboard', 'reports', 'site', 'fields', 'procedures', 'counters', 'officers', 'devices', 'dossiers', 'backups'] as const;
export type PageId = (typeof PAGE_IDS)[number];

function fromHash(): PageId {
  const h = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (PAGE_IDS as readonly string[]).includes(h) ? (h as PageId) : 'dashboard';
}

/** The page in the address bar (`#/fields`), so a reload or a bookmark opens the same page. */
export function useRoute(): [PageId, (p: PageId) => void] {
  const [page, setPage] = useState<PageId>(fromHash);
  useEffect(() => {
    const on = (): void => setPage(fromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const go = (p: PageId): void => {
    if (window.location.hash !== `#/${p}`) window.location.hash = `#/${p}`;
    setPage(p);
  };
  return [page, go];
}
