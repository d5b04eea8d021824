export { PROTOCOL_VERSION } from './version';
export { ok, fail, type Ack, type AckResult, type ErrorBody } from './ack';
export { ROLES, type Role, type DeviceRole, type StaffSocketRole } from './roles';
export { handshakeAuthSchema, type HandshakeAuth, type ConnectErrorData } from './handshake';
export * from './commands';
export type * from './views';
export type * from './events';
export type * from './socket-types';
export * from './dossier-commands';
