/**
 * Every citation of a docs/ section (`docs/semantics.md#calloutexit`) in the code, the READMEs and
 * the docs themselves names a heading that exists, with GitHub's anchor rules (lowercase, spaces
 * to hyphens, punctuation dropped), so renaming a heading cannot silently break a comment.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** GitHub's anchor of a heading's text. */
const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\- ]/gu, '')
    .replace(/ /g, '-');

const headingsOf = (text: string): Set<string> =>
  new Set(
    [...text.replace(/```[\s\S]*?```/g, '').matchAll(/^#+ (.*)$/gm)].map((m) => anchorOf(m[1]!)),
  );

const docs = new Map(
  readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f, headingsOf(readFileSync(`docs/${f}`, 'utf8'))] as const),
);

/** Every `docs/<page>.md#<anchor>` (inside docs/, also `<page>.md#<anchor>`) a tracked file cites. */
function citations(): { file: string; doc: string; anchor: string }[] {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.md', '*.js', '*.mjs'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f !== '' && !f.startsWith('scratch/'));
  return files.flatMap((file) => {
    const pattern = file.startsWith('docs/')
      ? /(?:docs\/)?([\w-]+\.md)#([\w-]+)/g
      : /docs\/([\w-]+\.md)#([\w-]+)/g;
    return [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => ({
      file,
      doc: m[1]!,
      anchor: m[2]!,
    }));
  });
}

describe('docs/ section citations', () => {
  it('name a heading that exists', () => {
    const cited = citations();
    expect(cited.length).toBeGreaterThan(50);
    const broken = cited
      .filter(({ doc, anchor }) => !(docs.get(doc)?.has(anchor) ?? false))
      .map(({ file, doc, anchor }) => `${file}: docs/${doc}#${anchor}`);
    expect(broken).toEqual([]);
  });

  it('computes anchors as GitHub does', () => {
    expect(anchorOf('calloutExit')).toBe('calloutexit');
    expect(anchorOf('Expected verdicts (checking/manifest.json)')).toBe(
      'expected-verdicts-checkingmanifestjson',
    );
    expect(anchorOf("The driver engineer's words")).toBe('the-driver-engineers-words');
    expect(anchorOf('4-tuple reuse')).toBe('4-tuple-reuse');
  });
});
