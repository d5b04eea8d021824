import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '@qms/store';
import type { CommandContext } from '../domain/context';

/** The site's secret for look-up links, created once. */
export function lookupSecret(store: Store): string {
  let secret = store.config.lookupSecret();
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    store.config.setLookupSecret(secret);
  }
  return secret;
}

function keyFor(secret: string, code: string): string {
  return createHmac('sha256', secret).update(code).digest('base64url').slice(0, 12);
}

/** The key printed in a receipt's QR link: without it, the public page shows nothing. */
export function lookupKey(ctx: CommandContext, code: string): string {
  return keyFor(lookupSecret(ctx.store), code);
}

export function checkLookupKey(store: Store, code: string, key: string): boolean {
  const expected = Buffer.from(keyFor(lookupSecret(store), code));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
