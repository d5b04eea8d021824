export { CHECKPOINT_MAX_YIELDS, afterQueuedCommands, createHub, systemClock, type Hub, type HubOptions } from './create-hub';
export { seedDemoSite, demoFields, DEMO_SITE, type DemoCredentials } from './seed/demo-site';
export { parseOptions, HELP, type HubCliOptions } from './options';
export { hashPassword, verifyPassword, hashToken, newToken } from './auth/secrets';
export type { Actor } from './domain/context';
export { lowerHelperThreadPriority, HELPER_THREAD_NICE, type ThreadPriorityResult } from './thread-priority';
export { COMMAND_COSTS, CONNECT_COST, DEFAULT_ROLE_LIMITS, DEVICE_FACTOR, MAX_REFUSALS_IN_A_ROW, type RateLimitOptions } from './commands/rate-limit';
export { DEFAULT_MAX_SOCKETS_PER_DEVICE } from './socket/device-sockets';
