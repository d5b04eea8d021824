import { describe, expect, it } from 'vitest';
import * as core from '../index';

describe('dossier exports from the package entry', () => {
  it('re-exports the dossier API', () => {
    const names = [
      'DOSSIER_STATUSES', 'DOSSIER_STATUS_LABELS', 'DOSSIER_CHANNELS', 'DOSSIER_CHANNEL_LABELS',
      'isWorkingDay', 'addWorkingDays', 'dueDateFor', 'workingDaysBetween', 'MAX_PROCESSING_DAYS',
      'formatDossierCode', 'parseDossierCode', 'validateAgencyCode', 'isValidAgencyCode', 'DOSSIER_SEQ_MAX',
      'parseCccdQr', 'isValidCccd', 'cccdBirthCentury', 'cccdBirthYear', 'cccdGender', 'CCCD_PROVINCE_CODES',
      'canChangeDossierStatus', 'changeDossierStatus', 'IllegalDossierTransitionError', 'DOSSIER_TRANSITIONS',
      'isOverdue', 'resolvedOnTime', 'dossierProgress', 'isDossierResolved', 'DOSSIER_RESOLVED_STATUSES',
      'DOSSIER_PROGRESS', 'DOSSIER_PROGRESS_LABELS', 'summarizeDossiers',
      'maskName', 'maskCccd', 'maskPhone',
    ];
    for (const name of names) expect(core, name).toHaveProperty(name);
  });

  it('labels every status in both languages', () => {
    for (const s of core.DOSSIER_STATUSES) {
      expect(core.DOSSIER_STATUS_LABELS.vi[s]).toBeTruthy();
      expect(core.DOSSIER_STATUS_LABELS.en[s]).toBeTruthy();
    }
    expect(core.DOSSIER_STATUS_LABELS.vi.returned).toBe('Đã trả kết quả');
  });
});
