import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <header className="page-head">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}

/** Shown while the configuration loads or when it could not be loaded. */
export function Loading({ text }: { text: string }) {
  return <p className="muted loading" data-testid="loading">{text}</p>;
}
