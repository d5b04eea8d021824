/** Who is at the other end of a socket; fixed at handshake. */
export const ROLES = ['kiosk', 'display', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type DeviceRole = Extract<Role, 'kiosk' | 'display'>;
export type StaffSocketRole = Extract<Role, 'officer' | 'admin'>;

/** Officers and admins: the staff room, staff snapshots, an officer recorded on what they do. */
export function isStaffRole(role: Role | 'system'): role is StaffSocketRole {
  return role === 'officer' || role === 'admin';
}
