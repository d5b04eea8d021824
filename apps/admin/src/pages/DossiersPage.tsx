import { ImportPanel } from '../components/ImportPanel';
import { PageHeader } from '../components/PageHeader';
import { PersonalData } from '../dossiers/PersonalData';
import { DATA_MESSAGES } from '../i18n/data';
import { useT } from '../lib/admin-context';

export function DossiersPage() {
  const t = useT(DATA_MESSAGES);
  return (
    <section className="page dossiers">
      <PageHeader title={t('dossiersTitle')} subtitle={t('dossiersSubtitle')} />
      <ImportPanel url="/api/admin/dossiers/import" title={t('importDossiers')} hint={t('importDossiersHint')} testId="dossier-import" preview />
      <PersonalData />
    </section>
  );
}
