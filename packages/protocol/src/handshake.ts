import { z } from 'zod';

const token = z.string().min(16).max(200);

/** `auth` of the Socket.IO handshake. Anything else is refused with UNAUTHENTICATED. */
export const handshakeAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('device'), protocolVersion: z.number().int(), token }),
  z.strictObject({ kind: z.literal('session'), protocolVersion: z.number().int(), token }),
  z.strictObject({
    kind: z.literal('password'),
    protocolVersion: z.number().int(),
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(200),
  }),
]);
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** Data of a `connect_error` the hub raises; `message` is the stable code. */
export interface ConnectErrorData {
  code: 'UNAUTHENTICATED' | 'PROTOCOL_VERSION' | 'ACCOUNT_LOCKED' | 'RATE_LIMITED';
  message: string;
}
