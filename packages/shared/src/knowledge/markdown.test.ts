import { describe, expect, it } from 'vitest';
import { internalLinks, markdownPlainText, parseInline, parseMarkdown } from './markdown';

describe('the article Markdown subset', () => {
  it('parses headings, paragraphs, lists and quotes', () => {
    const blocks = parseMarkdown('# Title\n\n## Part\n\nOne line\nand the next.\n\n- a\n- b\n  continued\n\n1. first\n2. second\n\n> note');
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'heading', 'paragraph', 'list', 'list', 'quote']);
    expect(blocks[0]).toMatchObject({ level: 2 });
    expect(blocks[2]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'One line and the next.' }] });
    expect(blocks[3]).toMatchObject({ ordered: false, items: [[{ text: 'a' }], [{ text: 'b continued' }]] });
    expect(blocks[4]).toMatchObject({ ordered: true });
  });

  it('parses strong, emphasis and safe links; unsafe links stay text', () => {
    expect(parseInline('**Alone**: see [law](kb:the-law) or [x](javascript:alert(1)) *now*')).toEqual([
      { type: 'strong', text: 'Alone' },
      { type: 'text', text: ': see ' },
      { type: 'link', text: 'law', href: 'kb:the-law', internal: true },
      { type: 'text', text: ' or x) ' },
      { type: 'em', text: 'now' },
    ]);
    expect(parseInline('[ring](tel:+4722331160)')).toEqual([{ type: 'link', text: 'ring', href: 'tel:+4722331160', internal: false }]);
  });

  it('never passes HTML through: tags are plain text', () => {
    const blocks = parseMarkdown('<script>alert(1)</script>');
    expect(blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] }]);
  });

  it('lists internal links once and gives plain text', () => {
    const source = 'See [a](kb:one) and [b](kb:two).\n\n- [again](kb:one)\n- [web](https://example.org)';
    expect(internalLinks(parseMarkdown(source))).toEqual(['one', 'two']);
    expect(markdownPlainText(source)).toBe('See a and b.\nagain\nweb');
  });
});
