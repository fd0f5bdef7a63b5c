import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWritableDirectory } from './isWritableDirectory.js';

describe('isWritableDirectory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lingering-dir-'));

  it('accepts a directory it may write into', () => {
    expect(isWritableDirectory(dir)).toBe(true);
  });

  it('refuses a missing path and a file', () => {
    writeFileSync(join(dir, 'f'), '');
    expect(isWritableDirectory(join(dir, 'missing'))).toBe(false);
    expect(isWritableDirectory(join(dir, 'f'))).toBe(false);
  });

  // root may write into a read-only directory, so the check is a user's only.
  it.skipIf(userInfo().uid === 0)('refuses a read-only directory', () => {
    const ro = mkdtempSync(join(tmpdir(), 'lingering-ro-'));
    chmodSync(ro, 0o555);
    expect(isWritableDirectory(ro)).toBe(false);
  });
});
