import { Heading, Link as DsLink, List, Paragraph } from '@digdir/designsystemet-react';
import { parseMarkdown, type MdInline } from '@lykt/shared';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';

function Inline({ nodes }: { nodes: readonly MdInline[] }) {
  return (
    <>
      {nodes.map((node, index) => {
        switch (node.type) {
          case 'text':
            return <span key={index}>{node.text}</span>;
          case 'strong':
            return <strong key={index}>{node.text}</strong>;
          case 'em':
            return <em key={index}>{node.text}</em>;
          case 'link':
            return node.internal ? (
              <DsLink asChild key={index}>
                <Link to="/knowledge/$slug" params={{ slug: node.href.slice(3) }}>
                  {node.text}
                </Link>
              </DsLink>
            ) : (
              <DsLink key={index} href={node.href}>
                {node.text}
              </DsLink>
            );
        }
      })}
    </>
  );
}

/**
 * An article's text, from the safe Markdown subset to React elements: no HTML is ever injected.
 * Headings start at level 2 under the page's h1.
 */
export function ArticleBody({ body }: { body: string }) {
  const blocks = useMemo(() => parseMarkdown(body), [body]);
  return (
    <div className="article-body">
      {blocks.map((block, index) => {
        switch (block.type) {
          case 'heading':
            return (
              <Heading key={index} level={block.level} data-size={block.level === 2 ? 'sm' : 'xs'}>
                <Inline nodes={block.content} />
              </Heading>
            );
          case 'paragraph':
            return (
              <Paragraph key={index}>
                <Inline nodes={block.content} />
              </Paragraph>
            );
          case 'quote':
            return (
              <blockquote key={index} className="article-body__quote">
                <Paragraph>
                  <Inline nodes={block.content} />
                </Paragraph>
              </blockquote>
            );
          case 'list': {
            const items = block.items.map((item, itemIndex) => (
              <List.Item key={itemIndex}>
                <Inline nodes={item} />
              </List.Item>
            ));
            return block.ordered ? <List.Ordered key={index}>{items}</List.Ordered> : <List.Unordered key={index}>{items}</List.Unordered>;
          }
        }
      })}
    </div>
  );
}
