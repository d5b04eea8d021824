/** Which hub events make the dossier panel fetch its dossiers again. */
import type { HubEvent } from '@qms/protocol';

/**
 * Any dossier change, except an import's update of a dossier the panel does not show: an
 * import may update 50,000 dossiers, one `updated` event each, and every open counter would
 * otherwise send as many `dossier:forTicket` commands.
 */
export function dossierPanelReloads(e: HubEvent, shownIds: readonly string[]): boolean {
  if (e.type !== 'dossier:changed') return false;
  if (e.action !== 'updated') return true;
  return e.dossier !== null && shownIds.includes(e.dossier.id);
}
