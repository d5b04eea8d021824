import { z } from 'zod';

export const idSchema = z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'id: letters, digits, _ . : - only');
export const idempotencyKeySchema = z.string().min(8).max(100).regex(/^[\w.:-]+$/);
