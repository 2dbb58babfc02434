import postcss, { type ChildNode, type Container } from 'postcss';

/**
 * The public pages are light-only, use the primary typography and the accent, neutral and status colours.
 * The design system's theme also ships a dark scheme, an automatic scheme, a secondary typography and two
 * brand colours; dropping them and every design token nothing refers to keeps each page within its budget
 * while the CSS stays the design system's own.
 */
const DROPPED_LAYERS = new Set(['ds.theme.color-scheme.dark', 'ds.theme.typography.secondary']);
const DROPPED_SELECTOR = /data-color-scheme=(?:dark|auto)|data-typography=secondary|data-color=brand[0-9]/;
const DROPPED_MEDIA = /prefers-color-scheme/;
const VAR_REFERENCE = /var\(\s*(--[\w-]+)/g;

function referencedVariables(css: string): Set<string> {
  return new Set(Array.from(css.matchAll(VAR_REFERENCE), (match) => match[1] ?? ''));
}

function removeEmpty(container: Container): void {
  container.each((node: ChildNode) => {
    if ((node.type === 'rule' || node.type === 'atrule') && node.nodes) {
      removeEmpty(node);
      if (node.nodes.length === 0) node.remove();
    }
  });
}

/**
 * Returns the theme without the parts the public pages never use.
 * `consumers` is the rest of the page CSS (components and layout): a token survives only if it or a token
 * that refers to it is read there.
 */
export function pruneThemeCss(theme: string, consumers: string): string {
  const root = postcss.parse(theme);
  root.walkAtRules((rule) => {
    if ((rule.name === 'layer' && DROPPED_LAYERS.has(rule.params.trim())) || (rule.name === 'media' && DROPPED_MEDIA.test(rule.params))) rule.remove();
  });
  root.walkRules((rule) => {
    const kept = rule.selectors.filter((selector) => !DROPPED_SELECTOR.test(selector));
    if (kept.length === 0) rule.remove();
    else if (kept.length !== rule.selectors.length) rule.selectors = kept;
  });

  const used = referencedVariables(consumers);
  root.walkDecls((decl) => {
    if (!decl.prop.startsWith('--')) for (const name of referencedVariables(decl.value)) used.add(name);
  });
  // A token used by a used token is used: grow the set until nothing new is found.
  for (let grew = true; grew; ) {
    grew = false;
    root.walkDecls((decl) => {
      if (!used.has(decl.prop)) return;
      for (const name of referencedVariables(decl.value)) {
        if (!used.has(name)) {
          used.add(name);
          grew = true;
        }
      }
    });
  }
  root.walkDecls((decl) => {
    if (decl.prop.startsWith('--') && !used.has(decl.prop)) decl.remove();
  });
  removeEmpty(root);
  return root.toString();
}
