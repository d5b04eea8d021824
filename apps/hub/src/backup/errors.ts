/** A backup failure in words for the admin: Vietnamese first, the system's own detail in parentheses. */
import { BackupCheckError } from './write-backup';

export function errorCode(e: unknown): string | null {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : null;
}

export function describeBackupError(e: unknown, dir: string): { message: string; code: string | null } {
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  const missing = code === 'ENOENT' || code === 'ENOTDIR' || /directory does not exist/i.test(detail);
  let vi: string;
  if (e instanceof BackupCheckError) vi = 'Bản sao lưu vừa tạo không qua được kiểm tra toàn vẹn; đã bỏ bản này';
  else if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') vi = 'Hết dung lượng đĩa ở thư mục sao lưu';
  else if (missing) vi = 'Thư mục sao lưu không tồn tại (ổ đĩa ngoài đã rút ra?)';
  else if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY')
    vi = 'Không ghi được vào thư mục sao lưu (không có quyền, hoặc ổ đĩa chỉ đọc)';
  else if (code === 'SQLITE_IOERR' || (code?.startsWith('SQLITE_IOERR') ?? false) || code === 'EIO') vi = 'Lỗi đọc/ghi đĩa khi sao lưu';
  else vi = 'Sao lưu thất bại';
  return { message: `${vi}: ${dir} (${code ? `${code}: ` : ''}${detail})`, code: missing && !code ? 'ENOENT' : code };
}
