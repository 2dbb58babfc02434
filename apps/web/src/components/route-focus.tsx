import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * After a client-side navigation to another page, moves focus to the page's h1, so screen reader
 * and keyboard users start at the new content. The first page load keeps the browser's default
 * focus, so the skip link stays the first thing Tab reaches.
 */
export function RouteFocus() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        if (!event.fromLocation || !event.pathChanged) return;
        requestAnimationFrame(() => {
          const heading = document.querySelector<HTMLElement>('main h1');
          if (!heading) return;
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: false });
        });
      }),
    [router],
  );
  return null;
}
