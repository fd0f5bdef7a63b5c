import { describe, expect, it } from 'vitest';
import { htmlHead } from './htmlPage.js';

describe('htmlHead', () => {
  it('opens the document, its head with the title, and the body', () => {
    const head = htmlHead('a <b>');
    expect(
      head.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8"/>\n'),
    ).toBe(true);
    expect(head).toContain('<title>a &lt;b&gt;</title>');
    expect(head.endsWith('</style>\n</head>\n<body>\n')).toBe(true);
  });
});
