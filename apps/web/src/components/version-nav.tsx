import { Link as DsLink } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * The versions of a document (plan, report) as a list of links, the shown one marked as the
 * current page. Nothing when there is only one version.
 */
export function VersionNav<V extends { number: number }>({
  label,
  versions,
  current,
  name,
  link,
}: {
  label: string;
  versions: readonly V[];
  current: number;
  /** The visible name of a version, e.g. "Version 2 (final)". */
  name: (version: V) => string;
  /** A router link to a version, with the name as its child. */
  link: (version: V, children: string) => ReactNode;
}) {
  if (versions.length <= 1) return null;
  return (
    <nav aria-label={label}>
      <ul className="link-list">
        {versions.map((version) => (
          <li key={version.number}>
            {version.number === current ? <span aria-current="page">{name(version)}</span> : <DsLink asChild>{link(version, name(version))}</DsLink>}
          </li>
        ))}
      </ul>
    </nav>
  );
}
