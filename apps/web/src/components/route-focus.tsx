import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/** How long to wait for a new page's h1 (its code and data may still be loading). */
const HEADING_WAIT_MS = 10_000;

function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}

/**
 * After a client-side navigation to another page, moves focus to the page's h1, so screen reader
 * and keyboard users start at the new content. Pages load their code on demand and may show a
 * loading state first, so the h1 is awaited, and followed if the page replaces it while focus has
 * nowhere else to be (a DOM observer, given up after a while, at the user's first key or click,
 * or on the next navigation). Focus the user has moved is never taken back. The first page load keeps the browser's default focus, so the skip link stays
 * the first thing Tab reaches.
 */
export function RouteFocus() {
  const router = useRouter();
  useEffect(() => {
    let stopWaiting: (() => void) | null = null;
    const unsubscribe = router.subscribe('onResolved', (event) => {
      stopWaiting?.();
      stopWaiting = null;
      if (!event.fromLocation || !event.pathChanged) return;
      const frame = requestAnimationFrame(() => {
        let focused: HTMLElement | null = null;
        // Focus the h1 once it is there. If the page then replaces that h1 (a loading state, then
        // the content) while focus has nowhere else to be, follow to the new one. Nothing moves
        // once the user has started to work on the page (a key, a click, a touch).
        const settle = () => {
          const heading = document.querySelector<HTMLElement>('main h1');
          if (!heading || heading === focused) return;
          const replaced = focused !== null && !focused.isConnected && (document.activeElement === null || document.activeElement === document.body);
          if (focused === null || replaced) {
            focused = heading;
            focusHeading(heading);
          }
        };
        settle();
        const observer = new MutationObserver(settle);
        const timer = window.setTimeout(() => stopWaiting?.(), HEADING_WAIT_MS);
        const userActs = () => stopWaiting?.();
        observer.observe(document.body, { childList: true, subtree: true });
        window.addEventListener('pointerdown', userActs, true);
        window.addEventListener('keydown', userActs, true);
        stopWaiting = () => {
          observer.disconnect();
          window.clearTimeout(timer);
          window.removeEventListener('pointerdown', userActs, true);
          window.removeEventListener('keydown', userActs, true);
          stopWaiting = null;
        };
      });
      stopWaiting = () => cancelAnimationFrame(frame);
    });
    return () => {
      stopWaiting?.();
      unsubscribe();
    };
  }, [router]);
  return null;
}
