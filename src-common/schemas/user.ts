import { z } from 'zod';
import { ShortTextSchema, SlugIdSchema } from './common';

export const RoleSchema = z.enum(['duty_officer', 'commander', 'liaison', 'drill_coordinator', 'wall', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

export const UsernameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case letters, digits and _ . - only');

/** A user as every process may see it — the password hash never leaves the hub's store. */
export const UserSchema = z
  .strictObject({
    id: SlugIdSchema,
    username: UsernameSchema,
    displayName: ShortTextSchema,
    role: RoleSchema,
    /** bound department — required for liaisons, who act only for it */
    departmentId: SlugIdSchema.optional(),
  })
  .refine((u) => u.role !== 'liaison' || u.departmentId !== undefined, {
    message: 'a liaison must be bound to a department',
    path: ['departmentId'],
  });
export type User = z.infer<typeof UserSchema>;
