/**
 * `npm run ticket:preview`: writes ticket-preview-80mm.png and ticket-preview-58mm.png (the sample
 * ticket, QR code included) to the directory npm was started from (or the directory given as the
 * first argument), and prints their paths.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SAMPLE_TICKET } from './sample-ticket';
import { renderTicketPreview } from './ticket-preview';
import type { PaperWidth } from './types';

const outDir = process.argv[2] ?? process.env['INIT_CWD'] ?? process.cwd();
for (const width of [80, 58] as const satisfies readonly PaperWidth[]) {
  const { png, height } = await renderTicketPreview(SAMPLE_TICKET, width);
  const path = resolve(outDir, `ticket-preview-${width}mm.png`);
  writeFileSync(path, png);
  console.log(`${path} (${width} mm, ${png.length} bytes, ${height} dots tall)`);
}
