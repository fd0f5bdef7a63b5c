import { describe, expect, it } from 'vitest';
import { StepError } from '../engine/errors/StepError.js';
import { TraceError } from '../engine/errors/TraceError.js';
import { WriteError } from '../lib/WriteError.js';
import { InputError } from './args.js';
import { classifyError } from './classifyError.js';

/** A system error as node:fs throws it. */
const errno = (code: string, path?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: failed, open '${path ?? ''}'`), {
    code,
    ...(path === undefined ? {} : { path }),
  });

const USER = ['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ELOOP'];
const ENVIRONMENT = ['ENOSPC', 'EDQUOT', 'EIO', 'EMFILE', 'ENFILE', 'ENOMEM', 'EFBIG'];

describe('classifyError', () => {
  it.each(USER)('calls a write refused with %s a bad output location (2)', (code) => {
    const f = classifyError(new WriteError('out/x.json', errno(code, 'out/x.json.7.tmp')));
    expect(f.status).toBe(2);
    expect(f.line).toMatch(
      new RegExp(`^lingering: out/x\\.json: [^;\\n]+ \\(${code}\\); [^\\n]+\\n$`),
    );
    expect(f.line).not.toContain('.tmp');
  });

  it.each(ENVIRONMENT)('calls a write refused with %s an environment failure (3)', (code) => {
    const f = classifyError(new WriteError('out/x.json', errno(code)));
    expect(f.status).toBe(3);
    expect(f.line).toMatch(
      new RegExp(`^lingering: out/x\\.json: [^;\\n]+ \\(${code}\\); [^\\n]+\\n$`),
    );
  });

  it('says what to do about a full disk', () => {
    expect(classifyError(new WriteError('stdout', errno('ENOSPC'))).line).toBe(
      'lingering: stdout: no space left on device (ENOSPC); free space or write elsewhere\n',
    );
  });

  it('names the path of a system error that is not a write', () => {
    const f = classifyError(errno('EACCES', '/sys/kernel/r'));
    expect(f).toEqual({
      status: 2,
      line: 'lingering: /sys/kernel/r: permission denied (EACCES); choose a directory this user may write into\n',
    });
  });

  it('keeps bad input at 2, its first line only', () => {
    for (const e of [
      new TraceError('driver', '"x"', ['original']),
      new StepError('poll', 'out of order'),
      new InputError('report: a.json is a file\nmore'),
    ]) {
      const f = classifyError(e);
      expect(f.status).toBe(2);
      expect(f.line).toBe(`lingering: ${e.message.split('\n')[0]}\n`);
    }
  });

  it.each([
    ['a plain Error', new Error('boom\nsecond line'), 'boom'],
    ['an unknown errno', new WriteError('a.json', errno('EBUSY')), 'a.json: EBUSY: failed'],
    ['an errno with no path', errno('EACCES'), 'EACCES: failed'],
    ['a thrown string', 'plain text', 'plain text'],
  ])('calls %s an internal error (4), in one line', (_, e, text) => {
    const f = classifyError(e);
    expect(f.status).toBe(4);
    expect(f.line).toMatch(
      /^lingering: internal error: .*; run again with --debug for the stack trace\n$/,
    );
    expect(f.line).toContain(text);
    expect(f.line.split('\n')).toHaveLength(2);
  });

  it.each([undefined, null])('calls a rejection with %s, no Error, an internal error', (e) => {
    // `Promise.reject()` reaches the unhandledRejection handler with no reason at all.
    expect(classifyError(e)).toEqual({
      status: 4,
      line: `lingering: internal error: ${String(e)}; run again with --debug for the stack trace\n`,
    });
  });

  it('names no errno whose code or path is not a string', () => {
    // Only the errno name as text is looked up, and only a path as text names the place.
    const oddCode = Object.assign(new Error('odd code'), { code: ['ENOSPC'], path: 'x.json' });
    const oddPath = Object.assign(new Error('odd path'), { code: 'EACCES', path: 7 });
    expect(classifyError(oddCode).status).toBe(4);
    expect(classifyError(oddPath).status).toBe(4);
  });
});
