import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '@qms/protocol';
import type { Server, Socket } from 'socket.io';

export type HubServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
