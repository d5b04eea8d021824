/** How many recent calls a snapshot carries, and a client keeps as events arrive (one number for both). */
export const RECENT_CALLS = 10;
