import { DossierDesk } from '@qms/ui/dossier-desk';
import { ImportPanel } from '../components/ImportPanel';
import { PageHeader } from '../components/PageHeader';
import { PersonalData } from '../dossiers/PersonalData';
import { DATA_MESSAGES } from '../i18n/data';
import { useAdmin, useT } from '../lib/admin-context';

export function DossiersPage() {
  const t = useT(DATA_MESSAGES);
  const { conn, view, locale, session } = useAdmin();
  const snapshot = view.state?.snapshot ?? null;
  return (
    <section className="page dossiers">
      <PageHeader title={t('dossiersTitle')} subtitle={t('dossiersSubtitle')} />
      {snapshot && (
        <div className="card desk-card">
          <DossierDesk conn={conn} snapshot={snapshot} locale={locale} signer={session.officer.fullName} />
        </div>
      )}
      <ImportPanel url="/api/admin/dossiers/import" title={t('importDossiers')} hint={t('importDossiersHint')} testId="dossier-import" preview />
      <PersonalData />
    </section>
  );
}
